import { isSuccessStatus } from "@/lib/analysis/is-success-status";
import { measureGapSeconds } from "@/lib/analysis/measure-gap-seconds";
import type { RetryDelivery, RetryInfo } from "@/lib/analysis/retry-delivery";
import { sortDeliveries } from "@/lib/analysis/sort-deliveries";

// Per delivery id. Deliveries without an analysis id can't be matched to anything, so each is a
// first attempt of its own.
export function groupRetries({
  deliveries,
}: {
  deliveries: readonly RetryDelivery[];
}): Map<string, RetryInfo> {
  const result = new Map<string, RetryInfo>();
  const last = new Map<string, { delivery: RetryDelivery; attempt: number; answered: boolean }>();
  for (const delivery of sortDeliveries({ deliveries })) {
    if (delivery.analysisId === null) {
      result.set(delivery.id, { attempt: 1, isDuplicate: false, previousGapSeconds: null });
      continue;
    }
    const previous = last.get(delivery.analysisId);
    const answered = previous?.answered ?? false;
    const attempt = (previous?.attempt ?? 0) + 1;
    result.set(delivery.id, {
      attempt,
      isDuplicate: answered,
      previousGapSeconds: measureGapSeconds({
        from: previous?.delivery.receivedAt,
        to: delivery.receivedAt,
      }),
    });
    last.set(delivery.analysisId, {
      delivery,
      attempt,
      answered: answered || isSuccessStatus({ status: delivery.responseStatus }),
    });
  }
  return result;
}
