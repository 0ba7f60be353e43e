import { Prisma } from "@/generated/prisma/client";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limits/create-rate-limiter";
import { getDb } from "@/lib/db";
import { getSingleton } from "@/lib/singleton";

export function getRateLimiter(): RateLimiter {
  return getSingleton("rateLimiter", () =>
    createRateLimiter({
      increment: async (increments) => {
        const values = Prisma.join(
          increments.map((i) => Prisma.sql`(${i.key}, ${i.windowStart}, ${i.count})`),
        );
        const rows = await getDb().$queryRaw<
          Array<{ key: string; window_start: Date; count: number }>
        >`
          INSERT INTO rate_limit_counters (key, window_start, count) VALUES ${values}
          ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + EXCLUDED.count
          RETURNING key, window_start, count`;
        return new Map(rows.map((row) => [`${row.key}|${row.window_start.getTime()}`, row.count]));
      },
    }),
  );
}
