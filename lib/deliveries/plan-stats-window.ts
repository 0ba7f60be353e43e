import type { StatsWindow } from "@/lib/deliveries/get-bin-stats.types";

/** The time range of an overview and how it is cut into buckets. */
export interface StatsWindowPlan {
  from: Date;
  /** Exclusive; the end of the bucket that holds `now`. */
  to: Date;
  bucketSeconds: number;
  bucketCount: number;
}

// About 50 bars whatever the window: readable as small charts, fine enough to see bursts.
const BUCKETS: Record<StatsWindow, { bucketSeconds: number; bucketCount: number }> = {
  "1h": { bucketSeconds: 60, bucketCount: 60 },
  "24h": { bucketSeconds: 30 * 60, bucketCount: 48 },
  "7d": { bucketSeconds: 3 * 60 * 60, bucketCount: 56 },
};

/**
 * Buckets are aligned to multiples of their size (since the epoch), so a refresh a few seconds
 * later moves whole bars instead of re-slicing every one; the last bucket holds `now`.
 */
export function planStatsWindow({
  window,
  now,
}: {
  window: StatsWindow;
  now: () => Date;
}): StatsWindowPlan {
  const { bucketSeconds, bucketCount } = BUCKETS[window];
  const bucketMs = bucketSeconds * 1000;
  const to = (Math.floor(now().getTime() / bucketMs) + 1) * bucketMs;
  return {
    from: new Date(to - bucketCount * bucketMs),
    to: new Date(to),
    bucketSeconds,
    bucketCount,
  };
}
