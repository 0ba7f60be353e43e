import { QueryClient, QueryObserver, type InfiniteData } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { binQueryKey } from "@/components/view/bin-query-key";
import type { CachedDeliveryPage } from "@/components/view/fetch-delivery-page";
import type { LoadedDelivery } from "@/components/view/fetch-delivery-detail";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import type { LiveLog } from "@/components/view/live-log";
import { writeLiveDeliveries } from "@/components/view/write-live-deliveries";
import { EMPTY_FILTER } from "@/lib/payload/empty-filter";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";
import type { ListFilter } from "@/lib/payload/list-filter";

const binId = "unit-live";
type ListData = InfiniteData<CachedDeliveryPage, string | null>;

function row(id: string, patch: Partial<ListedDelivery> = {}): ListedDelivery {
  return {
    id,
    binId,
    method: "POST",
    path: "/hook",
    query: "",
    contentType: null,
    size: 1,
    sha256: "0".repeat(64),
    remoteAddress: null,
    receivedAt: "2026-12-01T00:00:00.000Z",
    analysisId: null,
    analysisStatus: null,
    analysisAgent: null,
    responseStatus: 200,
    signature: { scheme: null, status: "missing", reason: "no signature header" },
    attempt: 1,
    isDuplicate: false,
    conformance: null,
    summaryField: null,
    ...patch,
  };
}

const clients: QueryClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.clear();
});

/** A client holding one cached list per filter, the way the view's list query stores them. */
function clientWithLists(lists: Array<{ filter: ListFilter; rows: ListedDelivery[] }>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  clients.push(queryClient);
  for (const { filter, rows } of lists) {
    const key = binQueryKey.list(binId, buildFilterQuery({ filter }));
    // The meta is what the view's list query carries; build the query with it first.
    queryClient.getQueryCache().build(queryClient, { queryKey: key, meta: { filter } });
    queryClient.setQueryData<ListData>(key, {
      pages: [{ deliveries: rows, nextCursor: null }],
      pageParams: [null],
    });
  }
  return queryClient;
}

function ids(queryClient: QueryClient, filter: ListFilter): string[] {
  const data = queryClient.getQueryData<ListData>(
    binQueryKey.list(binId, buildFilterQuery({ filter })),
  );
  return data?.pages.flatMap((page) => page.deliveries.map((delivery) => delivery.id)) ?? [];
}

describe("writeLiveDeliveries", () => {
  const gets = { ...EMPTY_FILTER, method: "GET" };
  const bodies = { ...EMPTY_FILTER, body: "needle" };

  it("prepends into every list the delivery matches, newest first, once per id", () => {
    const queryClient = clientWithLists([
      { filter: EMPTY_FILTER, rows: [row("b"), row("a")] },
      { filter: gets, rows: [] },
    ]);
    writeLiveDeliveries({ queryClient, binId, deliveries: [row("d"), row("c"), row("b")] });
    writeLiveDeliveries({ queryClient, binId, deliveries: [row("d")] });
    expect(ids(queryClient, EMPTY_FILTER)).toEqual(["d", "c", "b", "a"]);
    // POSTs do not match a GET filter.
    expect(ids(queryClient, gets)).toEqual([]);
  });

  it("keeps the live log: the newest id ever seen and the arrivals, newest first", () => {
    const queryClient = clientWithLists([]);
    queryClient.setQueryData<LiveLog>(binQueryKey.live(binId), { newestId: "b", recent: [] });
    writeLiveDeliveries({ queryClient, binId, deliveries: [row("a")] });
    writeLiveDeliveries({ queryClient, binId, deliveries: [row("c"), row("a")] });
    const log = queryClient.getQueryData<LiveLog>(binQueryKey.live(binId));
    expect(log?.newestId).toBe("c");
    expect(log?.recent.map((delivery) => delivery.id)).toEqual(["c", "a"]);
  });

  it("leaves a list it cannot judge to the view while shown, and marks it stale when not", () => {
    const queryClient = clientWithLists([{ filter: bodies, rows: [row("a")] }]);
    const key = binQueryKey.list(binId, buildFilterQuery({ filter: bodies }));
    const observer = new QueryObserver(queryClient, {
      queryKey: key,
      meta: { filter: bodies },
      queryFn: () => new Promise<never>(() => {}),
    });
    const unsubscribe = observer.subscribe(() => {});
    writeLiveDeliveries({ queryClient, binId, deliveries: [row("b")] });
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(false);
    expect(ids(queryClient, bodies)).toEqual(["a"]);
    unsubscribe();
    writeLiveDeliveries({ queryClient, binId, deliveries: [row("c")] });
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
    expect(ids(queryClient, bodies)).toEqual(["a"]);
  });

  it("marks the cached details of the same analysis stale (their retry timeline grew)", () => {
    const queryClient = clientWithLists([]);
    const detail = (id: string, analysisId: string | null): LoadedDelivery => ({
      detail: {
        ...row(id, { analysisId }),
        headers: [],
        bodyBase64: "",
        bodyText: "",
        response: null,
        retryTimeline: [],
        conformance: null,
      },
      body: new Uint8Array(),
    });
    queryClient.setQueryData(binQueryKey.detail(binId, "a"), detail("a", "an-1"));
    queryClient.setQueryData(binQueryKey.detail(binId, "b"), detail("b", "an-2"));
    queryClient.setQueryData(binQueryKey.detail(binId, "c"), detail("c", null));
    writeLiveDeliveries({ queryClient, binId, deliveries: [row("d", { analysisId: "an-1" })] });
    const stale = (id: string) =>
      queryClient.getQueryState(binQueryKey.detail(binId, id))?.isInvalidated;
    expect([stale("a"), stale("b"), stale("c")]).toEqual([true, false, false]);
  });
});
