import { RETRY_SCHEDULE_SECONDS } from "@/lib/analysis/retry-schedule";
import { scheduleToleranceSeconds } from "@/lib/analysis/schedule-tolerance-seconds";
import { isStatementTimeout } from "@/lib/database/is-statement-timeout";
import { buildBinStats, type RawBinStats } from "@/lib/deliveries/build-bin-stats";
import type { BinStats, StatsWindow } from "@/lib/deliveries/get-bin-stats.types";
import { getStatsReads } from "@/lib/deliveries/get-stats-reads";
import { getStatsSlots } from "@/lib/deliveries/get-stats-slots";
import { planStatsWindow, type StatsWindowPlan } from "@/lib/deliveries/plan-stats-window";
import { getReadDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { uuidLowerBound } from "@/lib/ids/uuid-lower-bound";

const RETRY_AFTER_SECONDS = 2;
// Ids are minted a moment before received_at is stamped (same clock): the id range starts a
// little earlier so the index range never misses a row that received_at puts in the window.
const ID_SLACK_MS = 60_000;

/**
 * A bin's health at a glance over one window, for anyone with the bin's link (no owner data:
 * counts only). One aggregate statement: the window is an index range of (bin_id, id) (ids
 * are UUIDv7, so time-ordered), the analyses it touches are read through (bin_id, analysis_id)
 * to number their attempts across the whole bin, and it runs under SEARCH_STATEMENT_TIMEOUT_MS.
 * Viewers of the same bin share one read (see getStatsReads); reads that do hit the database
 * take a heavy-read slot per client address (429 past it). Counts a moment behind are fine: it
 * reads a replica when there are any.
 */
export async function getBinStats({
  binId,
  window,
  clientIp,
  now = () => new Date(),
}: {
  binId: string;
  window: StatsWindow;
  clientIp: string;
  now?: () => Date;
}): Promise<BinStats> {
  return getStatsReads().read(`${binId} ${window}`, async () => {
    const release = getStatsSlots().tryAcquire(clientIp);
    if (!release) {
      throw new AppError(
        "RATE_LIMITED",
        `Too many overviews loading from your address or on this server; retry in ${RETRY_AFTER_SECONDS} s`,
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    }
    try {
      const plan = planStatsWindow({ window, now });
      const raw = await queryBinStats({ binId, plan });
      if (!raw) throw new AppError("NOT_FOUND", "Bin not found");
      return buildBinStats({ binId, window, plan, raw });
    } finally {
      release();
    }
  });
}

async function queryBinStats({
  binId,
  plan,
}: {
  binId: string;
  plan: StatsWindowPlan;
}): Promise<RawBinStats | null> {
  const db = getReadDb({ readFrom: "replica" });
  const timeoutMs = getEnv().SEARCH_STATEMENT_TIMEOUT_MS;
  const tolerance = RETRY_SCHEDULE_SECONDS.map((expectedSeconds) =>
    scheduleToleranceSeconds({ expectedSeconds }),
  );
  const early = RETRY_SCHEDULE_SECONDS.map((expected, i) => expected - tolerance[i]!);
  const late = RETRY_SCHEDULE_SECONDS.map((expected, i) => expected + tolerance[i]!);
  const lowestId = uuidLowerBound(plan.from.getTime() - ID_SLACK_MS);
  const beyond = RETRY_SCHEDULE_SECONDS.length + 1;
  try {
    // SET LOCAL lasts until the end of this transaction only; the pooled connection is clean.
    const [, rows] = await db.$transaction([
      db.$executeRawUnsafe(`SET LOCAL statement_timeout = ${timeoutMs}`),
      db.$queryRaw<Array<{ stats: RawBinStats }>>`
        WITH bin AS (SELECT secret_version FROM bins WHERE id = ${binId}),
        win AS (
          SELECT
            floor(extract(epoch FROM d.received_at - ${plan.from}::timestamptz) / ${plan.bucketSeconds}::int)::int AS i,
            CASE
              WHEN d.response_status BETWEEN 200 AND 299 THEN '2xx'
              WHEN d.response_status BETWEEN 300 AND 399 THEN '3xx'
              WHEN d.response_status BETWEEN 400 AND 499 THEN '4xx'
              WHEN d.response_status BETWEEN 500 AND 599 THEN '5xx'
              ELSE 'other'
            END AS cls,
            CASE WHEN d.signature_version = bin.secret_version
              THEN coalesce(d.signature->>'status', 'unjudged') ELSE 'unjudged' END AS verdict,
            d.analysis_id
          FROM deliveries d, bin
          WHERE d.bin_id = ${binId} AND d.id >= ${lowestId}::uuid
            AND d.received_at >= ${plan.from}::timestamptz AND d.received_at < ${plan.to}::timestamptz
        ),
        touched AS (SELECT DISTINCT analysis_id FROM win WHERE analysis_id IS NOT NULL),
        attempts AS (
          SELECT
            a.analysis_id,
            a.received_at,
            row_number() OVER w AS attempt,
            extract(epoch FROM a.received_at - lag(a.received_at) OVER w)::float8 AS gap,
            coalesce(bool_or(a.response_status BETWEEN 200 AND 299)
              OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS answered
          FROM deliveries a
          WHERE a.bin_id = ${binId} AND a.analysis_id IN (SELECT analysis_id FROM touched)
          WINDOW w AS (PARTITION BY a.analysis_id ORDER BY a.received_at, a.id)
        ),
        retries AS (
          SELECT least(attempt - 1, ${beyond}::int)::int AS retry, gap,
            (${early}::float8[])[attempt - 1] AS early_below,
            (${late}::float8[])[attempt - 1] AS late_above
          FROM attempts
          WHERE attempt > 1 AND NOT answered AND received_at >= ${plan.from}::timestamptz
        )
        SELECT jsonb_build_object(
          'buckets', (SELECT coalesce(jsonb_agg(jsonb_build_object('i', i, 'cls', cls, 'n', n)), '[]')
            FROM (SELECT i, cls, count(*)::int AS n FROM win GROUP BY i, cls) g),
          'verdicts', (SELECT coalesce(jsonb_agg(jsonb_build_object('verdict', verdict, 'n', n)), '[]')
            FROM (SELECT verdict, count(*)::int AS n FROM win GROUP BY verdict) g),
          'attempts', (SELECT coalesce(jsonb_agg(jsonb_build_object('attempts', attempts, 'n', n)), '[]')
            FROM (SELECT attempts, count(*)::int AS n
              FROM (SELECT count(*)::int AS attempts FROM attempts GROUP BY analysis_id) per
              GROUP BY attempts) g),
          'gaps', (SELECT coalesce(jsonb_agg(jsonb_build_object(
              'retry', retry, 'n', n, 'on', on_schedule, 'early', early, 'late', late,
              'median', median, 'min', min, 'max', max)), '[]')
            FROM (SELECT retry, count(*)::int AS n,
                count(*) FILTER (WHERE gap BETWEEN early_below AND late_above)::int AS on_schedule,
                count(*) FILTER (WHERE gap < early_below)::int AS early,
                count(*) FILTER (WHERE gap > late_above)::int AS late,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS median,
                min(gap) AS min, max(gap) AS max
              FROM retries GROUP BY retry) g),
          'duplicates', (SELECT count(*)::int FROM attempts
            WHERE attempt > 1 AND answered AND received_at >= ${plan.from}::timestamptz)
        ) AS stats
        FROM bin`,
    ]);
    return rows[0]?.stats ?? null;
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    throw new AppError(
      "SEARCH_TIMEOUT",
      `The overview was stopped after ${timeoutMs} ms: choose a shorter window`,
    );
  }
}
