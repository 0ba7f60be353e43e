function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** "30 ms", "1.5 s", "5 min", "6 h": short, and exact enough to compare scaled schedules. */
export function formatDuration({ ms }: { ms: number }): string {
  if (ms < 1000) return `${trim(ms, ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`;
  if (ms < 60_000) return `${trim(ms / 1000, 2)} s`;
  if (ms < 3_600_000) return `${trim(ms / 60_000, 2)} min`;
  return `${trim(ms / 3_600_000, 2)} h`;
}
