import type { RetryDelivery } from "@/lib/analysis/retry-delivery";

function timeOf(delivery: RetryDelivery): number {
  const time = delivery.receivedAt.getTime();
  // Invalid dates sort last instead of poisoning the comparator with NaN.
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

// Chronological, with id as tie-break so equal timestamps still order deterministically.
export function sortDeliveries<T extends RetryDelivery>({
  deliveries,
}: {
  deliveries: readonly T[];
}): T[] {
  return [...deliveries].sort((a, b) => {
    const byTime = timeOf(a) - timeOf(b);
    if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
    if (a.id === b.id) return 0;
    return a.id < b.id ? -1 : 1;
  });
}
