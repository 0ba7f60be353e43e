"use client";

import { useNow } from "@/components/common/use-now";
import { formatRelativeTime } from "@/lib/payload/format-relative-time";

/** "12s ago", updating every second, with the absolute time in the title. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow();
  const time = Date.parse(iso);
  // Locale and time zone are the browser's: only known after hydration.
  const absolute = now === null || Number.isNaN(time) ? undefined : new Date(time).toLocaleString();
  return (
    <time dateTime={iso} title={absolute} className={className}>
      {now === null ? "\u00a0" : formatRelativeTime({ time, now })}
    </time>
  );
}
