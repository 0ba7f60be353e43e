import { Prisma } from "@/generated/prisma/client";
import { isStatementTimeout } from "@/lib/database/is-statement-timeout";
import { judgeSignatures } from "@/lib/deliveries/judge-signatures";
import type { DeliveryFilter } from "@/lib/deliveries/delivery-filter";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Stale verdicts judged per round of the signature filter: enough for a first page in most
// bins, few enough that a secret change on a big bin does not make one request judge it all.
const JUDGE_CHUNK = 500;

/**
 * Ids of the bin's deliveries matching a filter, newest first, in SQL (one index range of the
 * bin). The body filter looks only at the first BODY_SEARCH_MAX_BYTES of each body (substring
 * of the bytea: PostgreSQL detoasts just that slice), and the query runs under
 * SEARCH_STATEMENT_TIMEOUT_MS, past which it is stopped with a clear 503 instead of holding a
 * connection and a CPU. The signature filter needs verdicts for the current secret: stale
 * ones are judged newest first, a chunk at a time, only until the page is full (after a secret
 * change the first page of "invalid" no longer waits for the whole bin to be judged).
 */
export async function findFilteredDeliveryIds({
  binId,
  filter,
  limit,
  before,
}: {
  binId: string;
  filter: DeliveryFilter;
  limit: number;
  before?: string;
}): Promise<string[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`d.bin_id = ${binId}`];
  if (before) conditions.push(Prisma.sql`d.id < ${before}::uuid`);
  if (filter.method) conditions.push(Prisma.sql`upper(d.method) = ${filter.method.toUpperCase()}`);
  if (filter.path) {
    conditions.push(Prisma.sql`(d.path || '?' || d.query) ILIKE ${likePattern(filter.path)}`);
  }
  if (filter.header) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM jsonb_array_elements(d.headers) h
      WHERE (h->>0) || ': ' || (h->>1) ILIKE ${likePattern(filter.header)})`);
  }
  if (filter.body) {
    conditions.push(Prisma.sql`position(convert_to(${filter.body}, 'UTF8')
      in substring(d.body from 1 for ${getEnv().BODY_SEARCH_MAX_BYTES}::int)) > 0`);
  }
  if (!filter.signature) return selectIds({ conditions, limit });
  conditions.push(Prisma.sql`d.signature->>'status' = ${filter.signature}
      AND d.signature_version = (SELECT secret_version FROM bins WHERE id = ${binId})`);
  for (;;) {
    const stale = await findNewestStale({ binId, before });
    // Every delivery newer than the newest stale one has a current verdict: if those already
    // fill the page, nothing needs judging.
    const ids = await selectIds({
      conditions:
        stale.length === 0 ? conditions : [...conditions, Prisma.sql`d.id > ${stale[0]}::uuid`],
      limit,
    });
    if (stale.length === 0 || ids.length >= limit) return ids;
    await judgeSignatures({ binId, ids: stale });
  }
}

async function selectIds({
  conditions,
  limit,
}: {
  conditions: Prisma.Sql[];
  limit: number;
}): Promise<string[]> {
  const db = getDb();
  const env = getEnv();
  try {
    // SET LOCAL lasts until the end of this transaction only; the pooled connection is clean.
    const [, rows] = await db.$transaction([
      db.$executeRawUnsafe(`SET LOCAL statement_timeout = ${env.SEARCH_STATEMENT_TIMEOUT_MS}`),
      db.$queryRaw<Array<{ id: string }>>`
        SELECT d.id::text AS id FROM deliveries d WHERE ${Prisma.join(conditions, " AND ")}
        ORDER BY d.id DESC LIMIT ${limit}`,
    ]);
    return rows.map((row) => row.id);
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    throw new AppError(
      "SEARCH_TIMEOUT",
      `The search was stopped after ${env.SEARCH_STATEMENT_TIMEOUT_MS} ms: narrow it (method, path, header) or search a more specific text`,
    );
  }
}

/** The newest JUDGE_CHUNK deliveries (older than `before`) whose verdict is stale. */
async function findNewestStale({
  binId,
  before,
}: {
  binId: string;
  before?: string;
}): Promise<string[]> {
  const stale = await getDb().$queryRaw<Array<{ id: string }>>`
    SELECT d.id::text AS id FROM deliveries d JOIN bins b ON b.id = d.bin_id
    WHERE d.bin_id = ${binId} AND d.signature_version IS DISTINCT FROM b.secret_version
      ${before ? Prisma.sql`AND d.id < ${before}::uuid` : Prisma.empty}
    ORDER BY d.id DESC LIMIT ${JUDGE_CHUNK}`;
  return stale.map((row) => row.id);
}
