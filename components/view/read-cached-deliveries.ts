import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { binQueryKey } from "@/components/view/bin-query-key";
import type { CachedDeliveryPage } from "@/components/view/fetch-delivery-page";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import { mergeDeliveries } from "@/components/view/merge-deliveries";

/**
 * Every delivery of the bin that some cached list holds (any filter, live rows included),
 * newest first, each once: what the view can offer to compare with, without a request.
 */
export function readCachedDeliveries({
  queryClient,
  binId,
}: {
  queryClient: QueryClient;
  binId: string;
}): ListedDelivery[] {
  let deliveries: ListedDelivery[] = [];
  const lists = queryClient.getQueriesData<InfiniteData<CachedDeliveryPage, string | null>>({
    queryKey: binQueryKey.lists(binId),
  });
  for (const [, data] of lists) {
    for (const page of data?.pages ?? []) {
      deliveries = mergeDeliveries(deliveries, page.deliveries);
    }
  }
  return deliveries;
}
