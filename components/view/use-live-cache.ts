import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { binQueryKey } from "@/components/view/bin-query-key";
import type { CachedDeliveryPage } from "@/components/view/fetch-delivery-page";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import { rereadBin } from "@/components/view/reread-bin";
import type { LiveLog } from "@/components/view/live-log";
import { useLiveDeliveries, type LiveStatus } from "@/components/view/use-live-deliveries";
import { writeLiveDeliveries } from "@/components/view/write-live-deliveries";

interface UseLiveCacheOptions {
  binId: string;
  /** Key of the list on screen: its new rows are reported to `onShown`. */
  listKey: readonly unknown[];
  /** Live rows that joined the list on screen, newer than everything it showed. */
  onShown: (deliveries: ListedDelivery[]) => void;
}

/**
 * Keeps the bin's cache current from its live stream: deliveries are written into the lists
 * and the live log; a bin change (settings, secret, deletions, here or in another browser)
 * re-reads everything of the bin.
 */
export function useLiveCache({ binId, listKey, onShown }: UseLiveCacheOptions): LiveStatus {
  const queryClient = useQueryClient();
  return useLiveDeliveries({
    binId,
    getNewestId: () => queryClient.getQueryData<LiveLog>(binQueryKey.live(binId))?.newestId ?? null,
    onDeliveries: (deliveries) => {
      const before =
        queryClient.getQueryData<InfiniteData<CachedDeliveryPage, string | null>>(listKey);
      const newest = before?.pages[0]?.deliveries[0]?.id ?? "";
      writeLiveDeliveries({ queryClient, binId, deliveries });
      const after =
        queryClient.getQueryData<InfiniteData<CachedDeliveryPage, string | null>>(listKey);
      // Only deliveries newer than everything shown flash; replayed older ones just slot in.
      const shown = (after?.pages[0]?.deliveries ?? []).filter(
        (delivery) => delivery.id > newest && deliveries.some((row) => row.id === delivery.id),
      );
      if (shown.length > 0) onShown(shown);
    },
    onBinChanged: () => void rereadBin({ queryClient, binId }),
  });
}
