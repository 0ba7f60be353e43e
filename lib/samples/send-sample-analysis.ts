import { randomBytes } from "node:crypto";
import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import { isBinOwner } from "@/lib/bins/is-bin-owner";
import { isValidBinId } from "@/lib/ids/bin-id";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildSampleId } from "@/lib/samples/build-sample-id";
import { getSampleIdKey } from "@/lib/samples/get-sample-id-key";
import { parseSampleId } from "@/lib/samples/parse-sample-id";
import type { SampleIdParts } from "@/lib/samples/sample-id";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import { signCallcovBody } from "@/lib/signatures/sign-callcov-body";
import { peekSingleton } from "@/lib/singleton";
import type { SampleKind, SentSample } from "@/lib/samples/send-sample-analysis.types";

export interface SendSampleAnalysisOptions {
  binId: string;
  /** The caller's owner token, if any: only the owner's samples are signed. */
  ownerToken: string | null;
  /** Reads the requested kind from the body; called after the token is checked. */
  readKind: () => Promise<SampleKind>;
  now?: () => Date;
  randomNonce?: () => string;
}

// How far back "duplicate" looks for the last sample among the bin's analyses.
const DUPLICATE_LOOKBACK = 50;

/**
 * "Send sample analysis": posts a realistic analysis to this bin's own echo URL over HTTP,
 * through the real capture path. The target is always this server's own capture endpoint,
 * never a user-given URL.
 *
 * The bin's secret signs only for its owner, and only bodies this server generated: a
 * viewer's sample goes out unsigned, and "duplicate" rebuilds the last sample from its
 * authenticated id instead of re-sending a captured body (which anyone could have planted,
 * turning the button into a signing oracle for the owner's secret).
 */
export async function sendSampleAnalysis({
  binId,
  ownerToken,
  readKind,
  now = () => new Date(),
  randomNonce = () => randomBytes(8).toString("hex"),
}: SendSampleAnalysisOptions): Promise<SentSample> {
  if (!isValidBinId(binId)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  const db = getDb();
  // The bin may not exist yet: the sample creates it, like any first delivery.
  const bin = await db.bin.findUnique({
    where: { id: binId },
    select: { ownerTokenHash: true, webhookSecretEncrypted: true },
  });
  // A token that does not match is refused rather than silently ignored, as on owner routes.
  if (
    ownerToken !== null &&
    !isBinOwner({ ownerTokenHash: bin?.ownerTokenHash ?? null, token: ownerToken })
  ) {
    throw new AppError(
      "FORBIDDEN",
      "Only the bin's owner can have samples signed; send no token for an unsigned sample",
    );
  }
  const isOwner = ownerToken !== null;
  const kind = await readKind();
  const key = getSampleIdKey();

  let parts: SampleIdParts | null = null;
  if (kind === "duplicate") {
    const recent = await db.delivery.findMany({
      where: { binId, analysisId: { startsWith: "sample_" } },
      orderBy: { id: "desc" },
      take: DUPLICATE_LOOKBACK,
      select: { analysisId: true },
    });
    for (const row of recent) {
      parts = row.analysisId ? parseSampleId({ id: row.analysisId, binId, key }) : null;
      if (parts) break;
    }
    if (!parts) throw new AppError("CONFLICT", "No sample analysis in this bin yet to duplicate");
  } else {
    parts = { status: kind, created: Math.floor(now().getTime() / 1000), nonce: randomNonce() };
  }
  const analysisId = buildSampleId({ binId, key, ...parts });
  const created = parts.created;
  const body = JSON.stringify(
    buildSampleAnalysis({
      status: parts.status,
      now: () => new Date(created * 1000),
      randomId: () => analysisId,
    }),
    null,
    2,
  );

  const secret =
    isOwner && bin?.webhookSecretEncrypted
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
    analysisId,
    signed: secret !== null,
    unsignedReason:
      secret !== null ? null : bin?.webhookSecretEncrypted ? "not-owner" : "no-secret",
  };
}
