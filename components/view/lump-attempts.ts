/**
 * Analyses per number of attempts as chart rows: 1 to `max` each, everything above as one
 * "max+1 or more" row (CallCov stops after six attempts, so more means duplicates or a
 * replay). Rows without analyses are kept up to the largest one seen, so gaps show.
 */
export function lumpAttempts({
  rows,
  max = 6,
}: {
  rows: ReadonlyArray<{ attempts: number; analyses: number }>;
  max?: number;
}): Array<{ label: string; attempts: number; analyses: number }> {
  const counts = new Map<number, number>();
  for (const { attempts, analyses } of rows) {
    const key = Math.min(attempts, max + 1);
    counts.set(key, (counts.get(key) ?? 0) + analyses);
  }
  const largest = Math.max(0, ...counts.keys());
  return Array.from({ length: largest }, (_, index) => {
    const attempts = index + 1;
    const label =
      attempts > max
        ? `${attempts}+ attempts`
        : attempts === 1
          ? "1 attempt"
          : `${attempts} attempts`;
    return { label, attempts, analyses: counts.get(attempts) ?? 0 };
  });
}
