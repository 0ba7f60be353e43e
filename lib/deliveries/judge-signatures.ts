import { Prisma } from "@/generated/prisma/client";
import { getJudgeQueue } from "@/lib/deliveries/get-judge-queue";
import { takeKnownVerdicts } from "@/lib/deliveries/take-known-verdicts";
import { readBodySlices } from "@/lib/deliveries/read-body-slices";
import {
  judgeStaleInBatches,
  type JudgeVerdictsOptions,
} from "@/lib/deliveries/judge-stale-in-batches";
import { getDb } from "@/lib/db";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import type { SignatureResult } from "@/lib/signatures/signature-result";
import { toStoredVerdict } from "@/lib/signatures/to-stored-verdict";
import { verifySignature } from "@/lib/signatures/verify-signature";

// Bodies held at once while re-judging, whatever their size (the byte bound comes from env).
// Each batch costs three round trips, so small bodies go many to a batch: the "Invalid" filter
// right after a secret change re-judges the whole bin (1,000 deliveries: 1.9 s at 25 a batch).
const MAX_BODIES_PER_BATCH = 250;

type StaleRow = { id: string; headers: unknown; receivedAt: Date; bytes: number };

/**
 * Verdicts of the given deliveries against the bin's CURRENT secret (never the expected
 * signature: see toStoredVerdict). They are cached on the row with the secret version they were
 * made for, so a list costs one small query and only deliveries never judged under this secret
 * read their body. Those are re-judged in batches of bounded bytes and rows, one batch at a time
 * per instance, so a secret change on a big bin never loads all its bodies at once. Timestamps
 * are judged at the moment the delivery arrived, so a verdict does not go stale on screen.
 */
export async function judgeSignatures({
  binId,
  ids,
  known,
}: JudgeVerdictsOptions<SignatureResult>): Promise<Map<string, SignatureResult>> {
  if (ids.length === 0) return new Map();
  const alreadyKnown = takeKnownVerdicts({ ids, known });
  if (alreadyKnown) return alreadyKnown;
  const db = getDb();
  // One round trip: the bin's current secret version and each row's cached verdict. (Capture
  // already judged most rows under the version current at the time.)
  const [bin] = await db.$queryRaw<
    Array<{ secret_version: string; webhook_secret_encrypted: string | null; cached: unknown }>
  >`
    SELECT b.secret_version, b.webhook_secret_encrypted, (
      SELECT coalesce(jsonb_agg(jsonb_build_array(d.id::text, d.signature)), '[]'::jsonb)
      FROM deliveries d
      WHERE d.bin_id = ${binId} AND d.id = ANY(${ids}::uuid[]) AND d.signature_version = b.secret_version
    ) AS cached
    FROM bins b WHERE b.id = ${binId}`;
  const cached = new Map<string, SignatureResult>();
  for (const [id, signature] of (bin?.cached ?? []) as Array<[string, SignatureResult | null]>) {
    // Rows stored by older versions may still carry ownerDetail: never pass it on.
    if (signature) cached.set(id, toStoredVerdict(signature));
  }
  const version = bin?.secret_version ?? "none";
  return judgeStaleInBatches<StaleRow, SignatureResult>({
    ids,
    cached,
    planStale: async (stale) => {
      const secret = bin?.webhook_secret_encrypted
        ? decryptSecret({ encrypted: bin.webhook_secret_encrypted, key: getEncryptionKey() })
        : null;
      const rows: StaleRow[] = (
        await db.delivery.findMany({
          where: { id: { in: stale }, binId },
          select: { id: true, headers: true, receivedAt: true, bodySize: true },
        })
      ).map(({ bodySize, ...row }) => ({ ...row, bytes: bodySize }));
      return {
        rows,
        maxRowsPerBatch: MAX_BODIES_PER_BATCH,
        // Without a secret only the headers matter (which scheme they suggest): no body is read.
        queue: secret === null ? null : getJudgeQueue(),
        judgeBatch: (batch) => judgeBatch({ binId, batch, secret, version }),
      };
    },
  });
}

async function judgeBatch({
  binId,
  batch,
  secret,
  version,
}: {
  binId: string;
  batch: StaleRow[];
  secret: string | null;
  version: string;
}): Promise<Array<readonly [string, SignatureResult]>> {
  const db = getDb();
  // Read in slices (see readBodySlices): whole-row reads leave large garbage behind.
  const slices =
    secret === null
      ? new Map<string, Uint8Array[]>()
      : await readBodySlices({ binId, ids: batch.map((row) => row.id) });
  // Together: WebCrypto runs the HMACs on the thread pool, and the batch's bodies are already
  // in memory (bounded by SIGNATURE_JUDGE_BATCH_BYTES), so waiting for each in turn only adds
  // a thread hop per row.
  const fresh: Array<readonly [string, SignatureResult]> = await Promise.all(
    batch.map(async (row) => {
      const result = await verifySignature({
        headers: row.headers as Array<[string, string]>,
        body: Buffer.concat(slices.get(row.id) ?? []),
        secret,
        now: () => row.receivedAt,
      });
      return [row.id, toStoredVerdict(result)] as const;
    }),
  );
  slices.clear();
  if (fresh.length > 0) {
    const values = Prisma.join(
      fresh.map(([id, result]) => Prisma.sql`(${id}::uuid, ${JSON.stringify(result)}::jsonb)`),
    );
    await db.$executeRaw`UPDATE deliveries AS d SET signature = v.signature, signature_version = ${version}
      FROM (VALUES ${values}) AS v(id, signature) WHERE d.id = v.id`;
  }
  return fresh;
}
