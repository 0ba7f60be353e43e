const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** "30s", "2m", "1.5h", "500ms", or a bare number of seconds; null when unreadable. */
export function parseDuration({ text }: { text: string }): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?$/i.exec(text.trim());
  if (!match) return null;
  return Math.round(Number(match[1]) * UNITS[(match[2] ?? "s").toLowerCase()]!);
}
