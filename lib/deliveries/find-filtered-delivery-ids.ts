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

/**
 * Ids of the bin's deliveries matching a filter, newest first, in SQL (one index range of the
 * bin). The body filter looks only at the first BODY_SEARCH_MAX_BYTES of each body (substring
 * of the bytea: PostgreSQL detoasts just that slice), and the query runs under
 * SEARCH_STATEMENT_TIMEOUT_MS, past which it is stopped with a clear 503 instead of holding a
 * connection and a CPU. Filtering by signature first makes sure every delivery has a verdict
 * for the current secret (judged in bounded batches).
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
  const db = getDb();
  const env = getEnv();
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
      in substring(d.body from 1 for ${env.BODY_SEARCH_MAX_BYTES}::int)) > 0`);
  }
  if (filter.signature) {
    await judgeAllSignatures(binId);
    conditions.push(Prisma.sql`d.signature->>'status' = ${filter.signature}
      AND d.signature_version = (SELECT secret_version FROM bins WHERE id = ${binId})`);
  }
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

async function judgeAllSignatures(binId: string): Promise<void> {
  const db = getDb();
  for (;;) {
    const stale = await db.$queryRaw<Array<{ id: string }>>`
      SELECT d.id::text AS id FROM deliveries d JOIN bins b ON b.id = d.bin_id
      WHERE d.bin_id = ${binId} AND d.signature_version IS DISTINCT FROM b.secret_version
      LIMIT 1000`;
    if (stale.length === 0) return;
    await judgeSignatures({ binId, ids: stale.map((row) => row.id) });
  }
}
