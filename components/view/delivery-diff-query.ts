import { queryOptions } from "@tanstack/react-query";
import { binQueryKey } from "@/components/view/bin-query-key";
import { fetchDeliveryDiff, type RetryLaterError } from "@/components/view/fetch-delivery-diff";

const retryAfterMs = (error: Error) => (error as Partial<RetryLaterError>).retryAfterMs;

/**
 * The diff of one pair of deliveries, cached by the pair. Two stored deliveries never change,
 * so it never goes stale; only a busy server (429) is asked again, after its Retry-After.
 */
export function deliveryDiffQuery({
  binId,
  deliveryId,
  againstId,
}: {
  binId: string;
  deliveryId: string;
  againstId: string;
}) {
  return queryOptions({
    queryKey: binQueryKey.diff(binId, deliveryId, againstId),
    queryFn: ({ signal }) => fetchDeliveryDiff({ binId, deliveryId, againstId, signal }),
    staleTime: Infinity,
    retry: (failures, error) => retryAfterMs(error) !== undefined && failures < 5,
    retryDelay: (_, error) => retryAfterMs(error) ?? 1000,
  });
}
