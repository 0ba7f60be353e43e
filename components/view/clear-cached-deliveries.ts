import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { binQueryKey } from "@/components/view/bin-query-key";
import type { CachedDeliveryPage } from "@/components/view/fetch-delivery-page";
import type { LiveLog } from "@/components/view/live-log";

/** After "clear all": no details, and every list of the bin is empty. */
export async function clearCachedDeliveries({
  queryClient,
  binId,
}: {
  queryClient: QueryClient;
  binId: string;
}) {
  queryClient.removeQueries({ queryKey: binQueryKey.details(binId) });
  // A reload in flight (e.g. the bin-changed event of this very clear) must not bring the old
  // rows back, nor leave the list "loading": cancel it first.
  await queryClient.cancelQueries({ queryKey: binQueryKey.lists(binId) });
  const liveMark = queryClient.getQueryData<LiveLog>(binQueryKey.live(binId))?.newestId ?? null;
  queryClient.setQueriesData<InfiniteData<CachedDeliveryPage, string | null>>(
    { queryKey: binQueryKey.lists(binId) },
    () => ({ pages: [{ deliveries: [], nextCursor: null, liveMark }], pageParams: [null] }),
  );
}
