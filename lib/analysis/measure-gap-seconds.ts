// Seconds between two deliveries; null when there is no earlier one or a date is invalid, so a
// NaN never reaches the UI or the schedule comparison.
export function measureGapSeconds({
  from,
  to,
}: {
  from: Date | undefined;
  to: Date;
}): number | null {
  if (!from) return null;
  const gap = (to.getTime() - from.getTime()) / 1000;
  return Number.isNaN(gap) ? null : gap;
}
