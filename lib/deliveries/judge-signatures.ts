import { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import type { SignatureResult } from "@/lib/signatures/signature-result";
import { verifySignature } from "@/lib/signatures/verify-signature";

/**
 * Verdicts of the given deliveries against the bin's CURRENT secret. They are cached on the
 * row with the secret version they were made for, so a list costs one small query and only
 * deliveries never judged under this secret read their body. Timestamps are judged at the
 * moment the delivery arrived, so a verdict does not go stale while you look at it.
 */
export async function judgeSignatures({
  binId,
  ids,
}: {
  binId: string;
  ids: string[];
}): Promise<Map<string, SignatureResult>> {
  const verdicts = new Map<string, SignatureResult>();
  if (ids.length === 0) return verdicts;
  const db = getDb();
  // One round trip: the bin's current secret version and each row's cached verdict. (Capture
  // already judged most rows under the version current at the time.)
  const [bin] = await db.$queryRaw<
    Array<{ secret_version: string; webhook_secret_encrypted: string | null; cached: unknown }>
  >`
    SELECT b.secret_version, b.webhook_secret_encrypted, (
      SELECT coalesce(jsonb_agg(jsonb_build_array(d.id::text, d.signature)), '[]'::jsonb)
      FROM deliveries d
      WHERE d.bin_id = b.id AND d.id = ANY(${ids}::uuid[]) AND d.signature_version = b.secret_version
    ) AS cached
    FROM bins b WHERE b.id = ${binId}`;
  for (const [id, signature] of (bin?.cached ?? []) as Array<[string, SignatureResult | null]>) {
    if (signature) verdicts.set(id, signature);
  }
  const version = bin?.secret_version ?? "none";

  const stale = ids.filter((id) => !verdicts.has(id));
  if (stale.length === 0) return verdicts;
  const secret = bin?.webhook_secret_encrypted
    ? decryptSecret({ encrypted: bin.webhook_secret_encrypted, key: getEncryptionKey() })
    : null;
  // Without a secret only the headers matter (which scheme they suggest): skip the bodies.
  const rows = await db.delivery.findMany({
    where: { id: { in: stale }, binId },
    select: { id: true, headers: true, receivedAt: true, body: secret !== null },
  });
  const fresh = await Promise.all(
    rows.map(async (row) => {
      const result = await verifySignature({
        headers: row.headers as Array<[string, string]>,
        body: "body" in row && row.body ? new Uint8Array(row.body) : new Uint8Array(),
        secret,
        now: () => row.receivedAt,
      });
      verdicts.set(row.id, result);
      return [row.id, result] as const;
    }),
  );
  if (fresh.length > 0) {
    const values = Prisma.join(
      fresh.map(([id, result]) => Prisma.sql`(${id}::uuid, ${JSON.stringify(result)}::jsonb)`),
    );
    await db.$executeRaw`UPDATE deliveries AS d SET signature = v.signature, signature_version = ${version}
      FROM (VALUES ${values}) AS v(id, signature) WHERE d.id = v.id`;
  }
  return verdicts;
}
