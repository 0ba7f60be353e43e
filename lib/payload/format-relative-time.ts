interface FormatRelativeTimeOptions {
  /** The moment being described, epoch milliseconds. */
  time: number;
  /** The current time, epoch milliseconds. */
  now: number;
}

/** Compact past-tense age for lists: "just now", "12s ago", "5m ago", "3h ago", "2d ago". */
export function formatRelativeTime({ time, now }: FormatRelativeTimeOptions): string {
  if (!Number.isFinite(time) || !Number.isFinite(now)) return "";
  const seconds = Math.floor((now - time) / 1000);
  // Clocks of server and browser differ slightly: a delivery "from the future" just arrived.
  if (seconds < 1) return "just now";
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ago`;
  const days = Math.floor(hours / 24);
  if (days < 365) return `${days}d ago`;
  return `${Math.floor(days / 365)}y ago`;
}
