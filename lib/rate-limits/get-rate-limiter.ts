import { readClockMs } from "@/lib/read-clock-ms";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limits/create-rate-limiter";
import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import { getPgPool } from "@/lib/get-pg-pool";
import { getSingleton } from "@/lib/singleton";

export function getRateLimiter(): RateLimiter {
  return getSingleton("rateLimiter", () =>
    createRateLimiter({
      now: readClockMs,
      increment: async (increments) => {
        const { rows } = await runNamedStatement<{
          key: string;
          window_start: Date;
          count: number;
        }>({
          pool: getPgPool(),
          statement: CAPTURE_STATEMENTS.incrementRateCounters,
          values: [
            increments.map((i) => i.key),
            increments.map((i) => i.windowStart),
            increments.map((i) => i.count),
          ],
        });
        return new Map(rows.map((row) => [`${row.key}|${row.window_start.getTime()}`, row.count]));
      },
    }),
  );
}
