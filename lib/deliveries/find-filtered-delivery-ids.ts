import { Prisma } from "@/generated/prisma/client";
import { isStatementTimeout } from "@/lib/database/is-statement-timeout";
import { judgeSignatures } from "@/lib/deliveries/judge-signatures";
import { CALLCOV_SCHEMA_NAME } from "@/lib/conformance/callcov-schema-name";
import { judgeConformance } from "@/lib/deliveries/judge-conformance";
import type { DeliveryFilter } from "@/lib/deliveries/delivery-filter";
import { parseJsonMatch } from "@/lib/deliveries/parse-json-match";
import { getDb, getReadDb, type ReadDb, type ReadFrom } from "@/lib/db";
import { chooseReadSource } from "@/lib/deliveries/choose-read-source";
import { checkDeliveryCountsReady } from "@/lib/database/check-delivery-counts-ready";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { uuidLowerBound } from "@/lib/ids/uuid-lower-bound";

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Stale verdicts judged per round of a verdict filter: enough for a first page in most bins,
// few enough that a secret or schema change on a big bin does not make one request judge it all.
const JUDGE_CHUNK = 500;
const DAY_MS = 86_400_000;

// The filters on cached verdicts: when a row's verdict is stale (made under another secret or
// schema than the bin's current one), and what judges it again.
const VERDICT_FILTERS = {
  signature: {
    stale: Prisma.sql`d.signature_version IS DISTINCT FROM b.secret_version`,
    judge: judgeSignatures,
  },
  conformance: {
    stale: Prisma.sql`d.conformance_schema IS DISTINCT FROM coalesce(b.json_schema_name, ${CALLCOV_SCHEMA_NAME})`,
    judge: judgeConformance,
  },
} as const;

/**
 * Ids of the bin's deliveries matching a filter, newest first (oldest first after `after`), in
 * SQL (one index range of the bin). The body filter looks only at the first
 * BODY_SEARCH_MAX_BYTES of each body (substring of the bytea: PostgreSQL detoasts just that
 * slice), and the query runs under SEARCH_STATEMENT_TIMEOUT_MS, past which it is stopped with a
 * clear 503 instead of holding a connection and a CPU. The signature and conformance filters
 * need verdicts for the bin's current secret and schema: stale ones are judged newest first, a
 * chunk at a time, only until the page is full (after a secret or schema change the first page
 * of "invalid" does not wait for the whole bin to be judged).
 */
export async function findFilteredDeliveryIds({
  binId,
  filter,
  limit,
  before,
  after,
  ids,
  readFrom = "primary",
}: {
  binId: string;
  filter: DeliveryFilter;
  limit: number;
  before?: string;
  /** Only ids above this one, and then oldest first (the wait endpoint's next match). */
  after?: string;
  /** Only among these ids (deliveries just announced on the live bus). */
  ids?: string[];
  /** Where the ids are selected (verdict filters always read the primary: they judge first). */
  readFrom?: ReadFrom;
}): Promise<string[]> {
  const env = getEnv();
  const db = getReadDb({ readFrom: chooseReadSource({ filter, readFrom }) });
  const range: Prisma.Sql[] = [];
  if (before) range.push(Prisma.sql`d.id < ${before}::uuid`);
  if (after) range.push(Prisma.sql`d.id > ${after}::uuid`);
  if (ids) {
    if (ids.length === 0) return [];
    range.push(Prisma.sql`d.id IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`);
  }
  const conditions: Prisma.Sql[] = [Prisma.sql`d.bin_id = ${binId}`, ...range];
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
  if (filter.json) conditions.push(jsonCondition(filter.json, env.BODY_SEARCH_MAX_BYTES));
  if (filter.conformance) {
    conditions.push(Prisma.sql`d.conformance_valid = ${filter.conformance === "valid"}
      AND d.conformance_schema = (SELECT coalesce(json_schema_name, ${CALLCOV_SCHEMA_NAME}) FROM bins WHERE id = ${binId})`);
  }
  if (filter.signature) {
    conditions.push(Prisma.sql`d.signature->>'status' = ${filter.signature}
      AND d.signature_version = (SELECT secret_version FROM bins WHERE id = ${binId})`);
  }
  const ascending = Boolean(after);
  const judged = (["signature", "conformance"] as const)
    .filter((name) => filter[name])
    .map((name) => VERDICT_FILTERS[name]);
  if (judged.length === 0) return selectIds({ db, conditions, limit, ascending });
  const stale = Prisma.join(
    judged.map((verdict) => verdict.stale),
    " OR ",
  );
  const judge = async (staleIds: string[]) => {
    for (const verdict of judged) await verdict.judge({ binId, ids: staleIds });
  };
  if (after || ids) {
    // A wait's candidates are the few deliveries since its start: judge all of them.
    for (;;) {
      const newest = await findNewestStale({ binId, range, stale });
      if (newest.length === 0) return selectIds({ db, conditions, limit, ascending });
      await judge(newest);
    }
  }
  for (;;) {
    const newest = await findNewestStale({ binId, range, stale });
    // Every delivery newer than the newest stale one has a current verdict: if those already
    // fill the page, nothing needs judging.
    const found = await selectIds({
      db,
      conditions:
        newest.length === 0 ? conditions : [...conditions, Prisma.sql`d.id > ${newest[0]}::uuid`],
      limit,
      ascending,
    });
    if (newest.length === 0 || found.length >= limit) return found;
    await judge(newest);
  }
}

async function selectIds({
  db,
  conditions,
  limit,
  ascending,
}: {
  db: ReadDb;
  conditions: Prisma.Sql[];
  limit: number;
  ascending: boolean;
}): Promise<string[]> {
  const env = getEnv();
  try {
    // SET LOCAL lasts until the end of this transaction only; the pooled connection is clean.
    const [, rows] = await db.$transaction([
      db.$executeRawUnsafe(`SET LOCAL statement_timeout = ${env.SEARCH_STATEMENT_TIMEOUT_MS}`),
      db.$queryRaw<Array<{ id: string }>>`
        SELECT d.id::text AS id FROM deliveries d WHERE ${Prisma.join(conditions, " AND ")}
        ORDER BY d.id ${ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`} LIMIT ${limit}`,
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

/**
 * Every json= match on the body parsed once per row (webhook_echo_try_jsonb: NULL, so no match,
 * for a body that is not UTF-8 JSON); bodies over the search bound are not parsed at all.
 */
function jsonCondition(texts: string[], maxBytes: number): Prisma.Sql {
  const matches = texts.map((text) => {
    const parsed = parseJsonMatch({ text });
    // The filter schema already refused anything unparsable.
    if (!parsed.ok) throw new AppError("BAD_REQUEST", `json: ${parsed.reason}`);
    const path = JSON.stringify(parsed.match.path);
    // #> takes a text[] path; built from JSON text so keys may hold any character.
    return Prisma.sql`x.j #> ARRAY(SELECT jsonb_array_elements_text(${path}::jsonb))
      = ${JSON.stringify(parsed.match.value)}::jsonb`;
  });
  return Prisma.sql`octet_length(d.body) <= ${maxBytes}::int AND EXISTS (
    SELECT 1 FROM (SELECT webhook_echo_try_jsonb(d.body) AS j) x
    WHERE ${Prisma.join(matches, " AND ")})`;
}

/**
 * The newest JUDGE_CHUNK deliveries in the id range with a stale verdict (`stale`: d, b). The
 * counts the deliveries' triggers keep per day and verdict version (delivery_counts, the same
 * column names under `d`) say first whether any row is stale and the newest day holding one:
 * a bin whose verdicts are all current answers from a few count rows, and otherwise the walk
 * down the bin's index starts at the end of that day instead of at its newest row.
 */
async function findNewestStale({
  binId,
  range,
  stale,
}: {
  binId: string;
  range: Prisma.Sql[];
  stale: Prisma.Sql;
}): Promise<string[]> {
  const db = getDb();
  // Before the sweep's backfill the counts miss the rows from before their triggers: walk the
  // bin's index from its newest row, as without them.
  const below = (await checkDeliveryCountsReady()) ? await staleDayBound({ binId, stale }) : [];
  if (below === null) return [];
  const conditions = [...below, ...range];
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT d.id::text AS id FROM deliveries d JOIN bins b ON b.id = d.bin_id
    WHERE d.bin_id = ${binId} AND (${stale})
      ${conditions.length > 0 ? Prisma.sql`AND ${Prisma.join(conditions, " AND ")}` : Prisma.empty}
    ORDER BY d.id DESC LIMIT ${JUDGE_CHUNK}`;
  return rows.map((row) => row.id);
}

/**
 * `d.id` below the end of the newest day holding a stale verdict, per the kept counts; none
 * past 48 bits of milliseconds (only ids that are not UUIDv7 get such a day); null when no
 * row is stale.
 */
async function staleDayBound({
  binId,
  stale,
}: {
  binId: string;
  stale: Prisma.Sql;
}): Promise<Prisma.Sql[] | null> {
  const [newest] = await getDb().$queryRaw<Array<{ day: number | null }>>`
    SELECT max(day)::int AS day FROM (
      SELECT d.day FROM delivery_counts d JOIN bins b ON b.id = d.bin_id
      WHERE d.bin_id = ${binId} AND (${stale})
      GROUP BY d.day, d.signature_version, d.conformance_schema HAVING sum(d.n) > 0
    ) stale_groups`;
  if (newest?.day === null || newest?.day === undefined) return null;
  const endMs = (newest.day + 1) * DAY_MS;
  return endMs < 2 ** 48 ? [Prisma.sql`d.id < ${uuidLowerBound(endMs)}::uuid`] : [];
}
