import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useMemo } from "react";
import { binQueryKey } from "@/components/view/bin-query-key";
import { fetchDeliveryPage, type CachedDeliveryPage } from "@/components/view/fetch-delivery-page";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import type { LiveLog } from "@/components/view/live-log";
import { mergeDeliveries } from "@/components/view/merge-deliveries";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";
import type { ListFilter } from "@/lib/payload/list-filter";
import { matchSummaryFilter } from "@/lib/payload/match-summary-filter";

export interface DeliveryListState {
  deliveries: ListedDelivery[];
  /** A filter is active: the list is a selection, not the whole bin. */
  filtered: boolean;
  /** The first page is (re)loading: a new filter, new verdicts, a bin change. */
  filtering: boolean;
  listError: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  loadOlder: () => void;
  /** Live deliveries since the list was loaded that its filter does not show. */
  hiddenLive: number;
  /** Reloads the list from its first page. */
  reload: () => void;
}

const EMPTY_LOG: LiveLog = { newestId: null, recent: [] };

function describe(prefix: string, error: Error | null): string {
  return `${prefix}${error ? ` (${error.message})` : ""}.`;
}

/** The bin's delivery list for one filter: pages by cursor, newest first, live rows merged in. */
export function useDeliveryList({
  binId,
  filter,
}: {
  binId: string;
  filter: ListFilter;
}): DeliveryListState {
  const queryClient = useQueryClient();
  const filterQuery = buildFilterQuery({ filter });
  const liveKey = binQueryKey.live(binId);
  const { data: liveLog = EMPTY_LOG } = useQuery<LiveLog>({
    queryKey: liveKey,
    queryFn: () => queryClient.getQueryData<LiveLog>(liveKey) ?? EMPTY_LOG,
    enabled: false,
  });

  const query = useInfiniteQuery({
    queryKey: binQueryKey.list(binId, filterQuery),
    meta: { filter },
    initialPageParam: null as string | null,
    getNextPageParam: (page: CachedDeliveryPage) => page.nextCursor,
    queryFn: async ({ pageParam, signal }): Promise<CachedDeliveryPage> => {
      if (pageParam !== null)
        return fetchDeliveryPage({ binId, filter, before: pageParam, signal });
      const liveMark = queryClient.getQueryData<LiveLog>(liveKey)?.newestId ?? null;
      const page = await fetchDeliveryPage({ binId, filter, before: null, signal });
      // Rows that arrived live while the page was loading may be missing from it: keep them.
      const arrived = (queryClient.getQueryData<LiveLog>(liveKey)?.recent ?? []).filter(
        (delivery) =>
          (liveMark === null || delivery.id > liveMark) &&
          matchSummaryFilter({ delivery, filter }) === "match",
      );
      return { ...page, deliveries: mergeDeliveries(page.deliveries, arrived), liveMark };
    },
    // A new filter keeps the old rows on screen (marked busy) until its own page arrives.
    placeholderData: keepPreviousData,
  });

  const data = query.data;
  const deliveries = useMemo(
    () => mergeDeliveries([], data?.pages.flatMap((page) => page.deliveries) ?? []),
    [data],
  );

  const hiddenLive = useMemo(() => {
    if (query.isPlaceholderData || !data) return 0;
    const mark = data.pages[0]?.liveMark ?? liveLog.newestId;
    const shown = new Set(deliveries.map((delivery) => delivery.id));
    return liveLog.recent.filter(
      (delivery) =>
        (mark === null || delivery.id > mark) &&
        !shown.has(delivery.id) &&
        matchSummaryFilter({ delivery, filter }) !== "match",
    ).length;
  }, [data, deliveries, filter, liveLog, query.isPlaceholderData]);

  const filtering = query.isFetching && !query.isFetchingNextPage;
  return {
    deliveries,
    filtered: filterQuery !== "",
    filtering,
    listError:
      query.isError && !query.isFetchNextPageError && !filtering
        ? describe("Could not load the deliveries", query.error)
        : null,
    hasOlder: !query.isPlaceholderData && query.hasNextPage,
    loadingOlder: query.isFetchingNextPage,
    olderError: query.isFetchNextPageError
      ? describe("Could not load older deliveries", query.error)
      : null,
    loadOlder: () => {
      if (!query.isFetchingNextPage) void query.fetchNextPage({ cancelRefetch: false });
    },
    hiddenLive,
    reload: () => void query.refetch(),
  };
}
