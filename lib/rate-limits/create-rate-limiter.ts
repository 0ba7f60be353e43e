export interface RateLimitRule {
  key: string;
  limit: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
  /** The rule that refused, for the 429 message. */
  refusedBy?: string;
}

export interface CounterIncrement {
  key: string;
  windowStart: Date;
  count: number;
}

export interface RateLimiter {
  check: (rules: RateLimitRule[]) => Promise<RateLimitDecision>;
}

interface Pending {
  rules: RateLimitRule[];
  windowStart: number;
  resolve: (decision: RateLimitDecision) => void;
  reject: (error: unknown) => void;
}

/**
 * Fixed-window limits counted in a store every instance shares (Postgres), so N instances
 * enforce one limit. Concurrent checks are grouped into one increment statement: for a key
 * that grew by n to total c, those n requests are positions c-n+1..c in arrival order, and a
 * position over the limit is refused. Exact across instances, one round trip per batch.
 */
export function createRateLimiter({
  increment,
  windowMs = 60_000,
  now = Date.now,
  maxInFlight = 2,
}: {
  /** Adds each count and returns the new totals keyed by `${key}|${windowStart ms}`. */
  increment: (increments: CounterIncrement[]) => Promise<Map<string, number>>;
  windowMs?: number;
  now?: () => number;
  maxInFlight?: number;
}): RateLimiter {
  const queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, 500);
      const counts = new Map<string, CounterIncrement>();
      for (const item of batch) {
        for (const rule of item.rules) {
          const id = `${rule.key}|${item.windowStart}`;
          const entry = counts.get(id);
          if (entry) entry.count++;
          else counts.set(id, { key: rule.key, windowStart: new Date(item.windowStart), count: 1 });
        }
      }
      inFlight++;
      increment([...counts.values()])
        .then(
          (totals) => {
            const next = new Map<string, number>();
            for (const [id, entry] of counts)
              next.set(id, (totals.get(id) ?? entry.count) - entry.count);
            for (const item of batch) {
              let refused: RateLimitRule | undefined;
              for (const rule of item.rules) {
                const id = `${rule.key}|${item.windowStart}`;
                const position = (next.get(id) ?? 0) + 1;
                next.set(id, position);
                if (position > rule.limit && !refused) refused = rule;
              }
              item.resolve({
                allowed: !refused,
                retryAfterSeconds: Math.max(
                  1,
                  Math.ceil((item.windowStart + windowMs - now()) / 1000),
                ),
                refusedBy: refused?.key,
              });
            }
          },
          (error: unknown) => batch.forEach((item) => item.reject(error)),
        )
        .finally(() => {
          inFlight--;
          flush();
        });
    }
  };

  return {
    check(rules) {
      const active = rules.filter((rule) => rule.limit > 0);
      if (active.length === 0) return Promise.resolve({ allowed: true, retryAfterSeconds: 0 });
      const current = now();
      return new Promise((resolve, reject) => {
        queue.push({ rules: active, windowStart: current - (current % windowMs), resolve, reject });
        // After the I/O callbacks of this turn, not the next microtask: each request arrives
        // in a callback of its own, and every check made in one turn shares the statement.
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
