import type { DeliveryDiff } from "@/lib/deliveries/diff-deliveries.types";

/** "3 changes", "1000+ changes" (a truncated list), or null when the deliveries are equal. */
export function countDiffChanges({ diff }: { diff: DeliveryDiff }): string | null {
  const count = diff.headers.length + diff.body.changes.length;
  if (count === 0) return null;
  return `${count}${diff.body.truncated ? "+" : ""} change${count === 1 && !diff.body.truncated ? "" : "s"}`;
}
