import { queryOptions } from "@tanstack/react-query";
import { binQueryKey, type CachedDeliveryRef } from "@/components/view/bin-query-key";
import { fetchDeliveryDetail, type LoadedDelivery } from "@/components/view/fetch-delivery-detail";

/** The detail query of one delivery, the same for the pane that shows it and a prefetch. */
export function deliveryDetailQuery({ queryClient, binId, deliveryId }: CachedDeliveryRef) {
  const queryKey = binQueryKey.detail(binId, deliveryId);
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) =>
      fetchDeliveryDetail({
        binId,
        deliveryId,
        previous: queryClient.getQueryData<LoadedDelivery>(queryKey),
        signal,
      }),
  });
}
