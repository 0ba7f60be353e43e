import type { InfiniteData } from "@tanstack/react-query";
import { binQueryKey, type CachedDeliveryRef } from "@/components/view/bin-query-key";
import type { CachedDeliveryPage } from "@/components/view/fetch-delivery-page";

/** A deleted delivery leaves its detail and every cached list of the bin. */
export function removeCachedDelivery({ queryClient, binId, deliveryId }: CachedDeliveryRef) {
  queryClient.removeQueries({ queryKey: binQueryKey.detail(binId, deliveryId) });
  queryClient.setQueriesData<InfiniteData<CachedDeliveryPage, string | null>>(
    { queryKey: binQueryKey.lists(binId) },
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          deliveries: page.deliveries.filter((delivery) => delivery.id !== deliveryId),
        })),
      },
  );
}
