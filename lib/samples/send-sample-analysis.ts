import { randomUUID } from "node:crypto";
import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import { isValidBinId } from "@/lib/capture/bin-id";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import { signCallcovBody } from "@/lib/signatures/sign-callcov-body";
import { peekSingleton } from "@/lib/singleton";

export type SampleKind = "completed" | "failed" | "duplicate";

/**
 * "Send sample analysis": posts a realistic analysis to this bin's own echo URL over HTTP,
 * through the real capture path, signed like the CallCov sender when the bin has a secret.
 * The target is always this server's own capture endpoint, never a user-given URL.
 */
export async function sendSampleAnalysis({
  binId,
  kind,
  now = () => new Date(),
}: {
  binId: string;
  kind: SampleKind;
  now?: () => Date;
}): Promise<{ deliveryId: string | null; status: number; analysisId: string }> {
  if (!isValidBinId(binId)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  const db = getDb();
  let body: string;
  if (kind === "duplicate") {
    const last = await db.delivery.findFirst({
      where: { binId, analysisId: { not: null } },
      orderBy: { id: "desc" },
      select: { body: true },
    });
    if (!last) throw new AppError("CONFLICT", "No analysis in this bin yet to duplicate");
    body = Buffer.from(last.body).toString("utf8");
  } else {
    body = JSON.stringify(
      buildSampleAnalysis({ status: kind, now, randomId: randomUUID }),
      null,
      2,
    );
  }
  const bin = await db.bin.findUnique({
    where: { id: binId },
    select: { webhookSecretEncrypted: true },
  });
  const secret = bin?.webhookSecretEncrypted
    ? decryptSecret({ encrypted: bin.webhookSecretEncrypted, key: getEncryptionKey() })
    : null;
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "User-Agent": "CallCov-Webhooks/1.0 (Webhook Echo sample)",
  };
  if (secret) headers["X-CallCov-Signature"] = await signCallcovBody({ body, secret });

  const port = peekSingleton<number>("listenPort");
  if (!port) throw new AppError("UNAVAILABLE", "Server is not listening yet");
  const response = await fetch(`http://127.0.0.1:${port}/echo/${binId}/webhooks/analysis`, {
    method: "POST",
    headers,
    body,
  });
  await response.arrayBuffer();
  return {
    deliveryId: response.headers.get("x-delivery-id"),
    status: response.status,
    analysisId: (JSON.parse(body) as { id: string }).id,
  };
}
