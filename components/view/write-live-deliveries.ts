import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { binQueryKey } from "@/components/view/bin-query-key";
import type { CachedDeliveryPage } from "@/components/view/fetch-delivery-page";
import type { LoadedDelivery } from "@/components/view/fetch-delivery-detail";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import { LIVE_LOG_SIZE, type LiveLog } from "@/components/view/live-log";
import { mergeDeliveries } from "@/components/view/merge-deliveries";
import type { ListFilter } from "@/lib/payload/list-filter";
import { matchSummaryFilter } from "@/lib/payload/match-summary-filter";

interface WriteLiveDeliveriesOptions {
  queryClient: QueryClient;
  binId: string;
  deliveries: ListedDelivery[];
}

/**
 * Writes deliveries from the live stream into the cache: the live log, the first page of
 * every cached list they are known to match (deduplicated by id), and staleness for lists
 * that cannot tell from a summary and for details whose retry timeline just grew.
 */
export function writeLiveDeliveries({
  queryClient,
  binId,
  deliveries,
}: WriteLiveDeliveriesOptions) {
  if (deliveries.length === 0) return;
  queryClient.setQueryData<LiveLog>(binQueryKey.live(binId), (log) => {
    let newestId = log?.newestId ?? null;
    for (const delivery of deliveries) {
      if (newestId === null || delivery.id > newestId) newestId = delivery.id;
    }
    const recent = mergeDeliveries(log?.recent ?? [], deliveries).slice(0, LIVE_LOG_SIZE);
    return { newestId, recent };
  });

  for (const query of queryClient.getQueryCache().findAll({ queryKey: binQueryKey.lists(binId) })) {
    const data = query.state.data as InfiniteData<CachedDeliveryPage, string | null> | undefined;
    const filter = query.meta?.filter as ListFilter | undefined;
    // A list still loading merges the live log when its page arrives.
    if (!data || !filter) continue;
    const verdicts = deliveries.map((delivery) => matchSummaryFilter({ delivery, filter }));
    const matching = deliveries.filter((_, index) => verdicts[index] === "match");
    if (matching.length > 0) {
      const [first, ...rest] = data.pages;
      if (first) {
        queryClient.setQueryData<InfiniteData<CachedDeliveryPage, string | null>>(query.queryKey, {
          ...data,
          pages: [{ ...first, deliveries: mergeDeliveries(first.deliveries, matching) }, ...rest],
        });
      }
    }
    // A list on screen counts what it cannot place ("not shown by the filter"); one off screen
    // is re-read when it is shown again.
    if (verdicts.includes("unknown") && query.getObserversCount() === 0) {
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
    }
  }

  // A new attempt of an analysis changes the retry timeline of its other deliveries.
  const analyses = new Set(deliveries.flatMap((delivery) => delivery.analysisId ?? []));
  if (analyses.size > 0) {
    void queryClient.invalidateQueries({
      queryKey: binQueryKey.details(binId),
      predicate: (query) => {
        const loaded = query.state.data as LoadedDelivery | undefined;
        return loaded?.detail.analysisId != null && analyses.has(loaded.detail.analysisId);
      },
    });
  }
}
