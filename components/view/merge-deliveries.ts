import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";

/**
 * Newest first, one row per delivery id. Ids are time-ordered UUIDv7 in lower-case hex, so
 * string order is arrival order; replays after a reconnect and late batch commits just merge in.
 */
export function mergeDeliveries<T extends DeliverySummary>(current: T[], incoming: T[]): T[] {
  const known = new Set(current.map((delivery) => delivery.id));
  const added = incoming.filter((delivery) => {
    if (known.has(delivery.id)) return false;
    known.add(delivery.id);
    return true;
  });
  if (added.length === 0) return current;
  return [...added, ...current].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
