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
  const [bin, cached] = await Promise.all([
    db.bin.findUnique({
      where: { id: binId },
      select: { webhookSecretEncrypted: true, secretVersion: true },
    }),
    db.delivery.findMany({
      where: { id: { in: ids }, binId },
      select: { id: true, signature: true, signatureVersion: true },
    }),
  ]);
  const version = bin?.secretVersion ?? "none";
  for (const row of cached) {
    if (row.signatureVersion === version && row.signature) {
      verdicts.set(row.id, row.signature as unknown as SignatureResult);
    }
  }

  const stale = ids.filter((id) => !verdicts.has(id));
  if (stale.length === 0) return verdicts;
  const secret = bin?.webhookSecretEncrypted
    ? decryptSecret({ encrypted: bin.webhookSecretEncrypted, key: getEncryptionKey() })
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
