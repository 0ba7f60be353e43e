import type { DeliveryDiff } from "@/lib/deliveries/diff-deliveries.types";
import { isPerDeliveryHeader } from "@/lib/diff/is-per-delivery-header";

/**
 * "3 changes", "1000+ changes" (a truncated list), or null when the deliveries carry the same
 * payload. Headers that every delivery sets anew (date, length, signatures, ids) do not count:
 * otherwise no delivery could ever equal the baseline.
 */
export function countDiffChanges({ diff }: { diff: DeliveryDiff }): string | null {
  const headers = diff.headers.filter(({ name }) => !isPerDeliveryHeader({ name })).length;
  const count = headers + diff.body.changes.length;
  if (count === 0) return null;
  return `${count}${diff.body.truncated ? "+" : ""} change${count === 1 && !diff.body.truncated ? "" : "s"}`;
}
