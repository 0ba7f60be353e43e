// Sender clocks and queues jitter: a gap matches CallCov's schedule when within 20% or 10 s of
// the documented delay, whichever is looser. One rule for the timeline and the bin overview.
const TOLERANCE_RATIO = 0.2;
const TOLERANCE_SECONDS = 10;

/** How far a retry's gap may stray from the expected delay and still be "on schedule". */
export function scheduleToleranceSeconds({ expectedSeconds }: { expectedSeconds: number }): number {
  return Math.max(expectedSeconds * TOLERANCE_RATIO, TOLERANCE_SECONDS);
}
