"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { CopyButton } from "@/components/common/CopyButton";
import { recordRecentBin } from "@/components/common/recent-bins";
import { BinSummary } from "@/components/view/BinSummary";
import { ClaimBinButton } from "@/components/view/ClaimBinButton";
import { DeliveryDetailPane } from "@/components/view/DeliveryDetailPane";
import { DeliveryList } from "@/components/view/DeliveryList";
import { EmptyState } from "@/components/view/EmptyState";
import { ExportMenu } from "@/components/view/ExportMenu";
import { FilterBar } from "@/components/view/FilterBar";
import { LiveStatus } from "@/components/view/LiveStatus";
import { OwnerSettingsDialog } from "@/components/view/OwnerSettingsDialog";
import { SendSampleButton } from "@/components/view/SendSampleButton";
import type { BinSettingsState } from "@/components/view/bin-settings-view";
import { deliveryDetailCache } from "@/components/view/delivery-detail-cache";
import { EMPTY_FILTER } from "@/components/view/empty-filter";
import { isDeliverySummary } from "@/components/view/is-delivery-summary";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import { mergeDeliveries } from "@/components/view/merge-deliveries";
import { useLiveDeliveries } from "@/components/view/use-live-deliveries";
import type { Freshness } from "@/components/view/DeliveryRow";
import type { BinView as BinInfo } from "@/lib/bins/bin-view";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";
import type { ListFilter } from "@/lib/payload/list-filter";
import { matchSummaryFilter } from "@/lib/payload/match-summary-filter";

export interface BinViewProps {
  binId: string;
  echoUrl: string;
  viewUrl: string;
  initialDeliveries: ListedDelivery[];
  initialCursor: string | null;
  /** From a deep link /view/<id>/<deliveryId>. */
  initialSelectedId: string | null;
  /** ?tab= of the deep link: which body view the linked delivery opens with. */
  initialTab: string | null;
  hasOwner: boolean;
  isOwner: boolean;
  hasSecret: boolean;
  /** Settings, limits and counters; null while nothing was ever sent to the bin. */
  bin: BinInfo | null;
}

const PAGE_SIZE = 50;
const FRESH_MS = 2000;
const FADE_MS = 1000;

function listUrl(binId: string, filter: ListFilter, before: string | null): string {
  const query = buildFilterQuery({ filter });
  return `/api/bins/${encodeURIComponent(binId)}/deliveries?limit=${PAGE_SIZE}${
    before ? `&before=${encodeURIComponent(before)}` : ""
  }${query ? `&${query}` : ""}`;
}

async function fetchPage(url: string) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
    throw new Error(typeof body?.message === "string" ? body.message : `HTTP ${response.status}`);
  }
  const page: unknown = await response.json();
  const record = (page ?? {}) as { deliveries?: unknown; nextCursor?: unknown };
  return {
    deliveries: Array.isArray(record.deliveries) ? record.deliveries.filter(isDeliverySummary) : [],
    nextCursor: typeof record.nextCursor === "string" ? record.nextCursor : null,
  };
}

export function BinView({
  binId,
  echoUrl,
  viewUrl,
  initialDeliveries,
  initialCursor,
  initialSelectedId,
  initialTab,
  hasOwner,
  isOwner,
  hasSecret,
  bin,
}: BinViewProps) {
  const router = useRouter();
  const [deliveries, setDeliveries] = useState(initialDeliveries);
  const [cursor, setCursor] = useState(initialCursor);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(
    initialSelectedId ?? initialDeliveries[0]?.id ?? null,
  );
  // On narrow screens list and detail take turns; a deep link opens the detail.
  const [showDetail, setShowDetail] = useState(initialSelectedId !== null);
  const [freshIds, setFreshIds] = useState<ReadonlyMap<string, Freshness>>(new Map());
  const [filter, setFilter] = useState<ListFilter>(EMPTY_FILTER);
  const [filtering, setFiltering] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const [hiddenLive, setHiddenLive] = useState(0);
  const [detailRevision, setDetailRevision] = useState(0);
  const [savedSettings, setSavedSettings] = useState<BinSettingsState | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const deliveriesRef = useRef(deliveries);
  const filterRef = useRef(filter);
  // The live stream resumes after the newest delivery ever seen, shown or filtered out.
  const newestSeen = useRef<string | null>(initialDeliveries[0]?.id ?? null);
  const listRequest = useRef(0);

  const settings: BinSettingsState = savedSettings ?? {
    hasSecret,
    response: bin?.response ?? null,
    failFirst: bin?.failFirst ?? null,
  };
  const filterQuery = buildFilterQuery({ filter });
  const filtered = filterQuery !== "";

  useEffect(() => {
    deliveriesRef.current = deliveries;
  }, [deliveries]);

  useEffect(() => {
    recordRecentBin(binId);
  }, [binId]);

  const onLive = useCallback(
    (incoming: ListedDelivery[]) => {
      for (const delivery of incoming) {
        if (newestSeen.current === null || delivery.id > newestSeen.current) {
          newestSeen.current = delivery.id;
        }
      }
      const known = new Set(deliveriesRef.current.map((delivery) => delivery.id));
      const fresh = incoming.filter((delivery) => !known.has(delivery.id));
      // A new attempt of an analysis changes the retry timeline of its other deliveries.
      const analyses = new Set(fresh.flatMap((delivery) => delivery.analysisId ?? []));
      if (analyses.size > 0) {
        for (const analysisId of analyses) deliveryDetailCache.markAnalysisStale(binId, analysisId);
        setDetailRevision((value) => value + 1);
      }
      // With a filter, only deliveries known to match join the list; the rest are counted.
      const current = filterRef.current;
      const shown = fresh.filter(
        (delivery) => matchSummaryFilter({ delivery, filter: current }) === "match",
      );
      if (shown.length < fresh.length)
        setHiddenLive((value) => value + fresh.length - shown.length);
      if (shown.length === 0) return;
      const newest = deliveriesRef.current[0]?.id ?? "";
      // Only deliveries newer than everything shown flash; replayed older ones just slot in.
      const added = shown.filter((delivery) => delivery.id > newest).map((delivery) => delivery.id);
      setDeliveries((list) => mergeDeliveries(list, shown));
      if (added.length === 0) return;
      // The first delivery of an empty bin gets selected; otherwise the selection stays put.
      setSelectedId((id) => id ?? added[0] ?? null);
      setFreshIds((map) => {
        const next = new Map(map);
        for (const id of added) next.set(id, "new");
        return next;
      });
      // Two phases so only the end of the highlight fades slowly (selection changes stay snappy).
      const update = (phase: Freshness | null) =>
        setFreshIds((map) => {
          const next = new Map(map);
          for (const id of added) {
            if (phase) next.set(id, phase);
            else next.delete(id);
          }
          return next;
        });
      setTimeout(() => update("fading"), FRESH_MS);
      setTimeout(() => update(null), FRESH_MS + FADE_MS);
    },
    [binId],
  );

  const replaceUrl = useCallback(
    (id: string | null) => {
      // Shareable URL without a navigation (and without re-rendering the server page).
      window.history.replaceState(
        window.history.state,
        "",
        id === null
          ? `/view/${encodeURIComponent(binId)}`
          : `/view/${encodeURIComponent(binId)}/${encodeURIComponent(id)}`,
      );
    },
    [binId],
  );

  const select = useCallback(
    (id: string) => {
      setSelectedId(id);
      setShowDetail(true);
      replaceUrl(id);
    },
    [replaceUrl],
  );

  /** Reloads the first page (a new filter, a new secret's verdicts, after a clear). */
  const reloadList = useCallback(
    async (next: ListFilter) => {
      const request = ++listRequest.current;
      const newestBefore = newestSeen.current;
      setFiltering(true);
      setListError(null);
      try {
        const page = await fetchPage(listUrl(binId, next, null));
        if (request !== listRequest.current) return;
        // Rows that arrived live while the page was loading (already filtered by onLive) are
        // not in it: keep them.
        setDeliveries((current) =>
          mergeDeliveries(
            page.deliveries,
            current.filter((delivery) => newestBefore === null || delivery.id > newestBefore),
          ),
        );
        setCursor(page.nextCursor);
        setHiddenLive(0);
        setOlderError(null);
      } catch (error) {
        if (request !== listRequest.current) return;
        setListError(
          `Could not load the deliveries${error instanceof Error ? ` (${error.message})` : ""}.`,
        );
      } finally {
        if (request === listRequest.current) setFiltering(false);
      }
    },
    [binId],
  );

  // Someone changed the bin (here or in another browser): verdicts, settings or the list may
  // differ now, so re-read them.
  const onBinChanged = useCallback(async () => {
    deliveryDetailCache.markStale(binId, null);
    setDetailRevision((value) => value + 1);
    void reloadList(filterRef.current);
    try {
      const response = await fetch(`/api/bins/${encodeURIComponent(binId)}`, {
        credentials: "same-origin",
        cache: "no-store",
      });
      if (!response.ok) return;
      const next = (await response.json()) as BinSettingsState;
      setSavedSettings({
        hasSecret: next.hasSecret,
        response: next.response,
        failFirst: next.failFirst,
      });
    } catch {
      // The next change or a reload catches up.
    }
  }, [binId, reloadList]);

  const status = useLiveDeliveries({
    binId,
    getNewestId: () => newestSeen.current,
    onDeliveries: onLive,
    onBinChanged: () => void onBinChanged(),
  });

  const applyFilter = (next: ListFilter) => {
    filterRef.current = next;
    setFilter(next);
    void reloadList(next);
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (
      target &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
    ) {
      return;
    }
    // Nothing moves behind a modal (settings sheet, confirm step).
    if (document.querySelector("dialog[open]")) return;
    const step =
      event.key === "ArrowDown" || event.key === "j"
        ? 1
        : event.key === "ArrowUp" || event.key === "k"
          ? -1
          : 0;
    if (step === 0 || deliveries.length === 0) return;
    event.preventDefault();
    const index = deliveries.findIndex((delivery) => delivery.id === selectedId);
    const nextIndex = index === -1 ? 0 : Math.min(deliveries.length - 1, Math.max(0, index + step));
    const next = deliveries[nextIndex];
    if (next && next.id !== selectedId) select(next.id);
  });

  useEffect(() => {
    const handler = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", handler);
    return () => window.removeEventListener("keydown", handler);
  }, []);

  const loadOlder = async () => {
    if (!cursor || loadingOlder) return;
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await fetchPage(listUrl(binId, filterRef.current, cursor));
      setDeliveries((current) => mergeDeliveries(current, page.deliveries));
      setCursor(page.nextCursor);
    } catch (error) {
      setOlderError(
        `Could not load older deliveries${error instanceof Error ? ` (${error.message})` : ""}.`,
      );
    } finally {
      setLoadingOlder(false);
    }
  };

  const onSecretSaved = (next: BinSettingsState) => {
    setSavedSettings(next);
    // Every verdict is judged again with the new secret: refresh rows and details.
    deliveryDetailCache.markStale(binId, null);
    setDetailRevision((value) => value + 1);
    void reloadList(filterRef.current);
  };

  const deleteDelivery = async (id: string) => {
    const response = await fetch(
      `/api/bins/${encodeURIComponent(binId)}/deliveries/${encodeURIComponent(id)}`,
      { method: "DELETE", credentials: "same-origin" },
    );
    if (!response.ok && response.status !== 404) {
      throw new Error(`The server answered ${response.status}.`);
    }
    deliveryDetailCache.forget(binId, id);
    const index = deliveries.findIndex((delivery) => delivery.id === id);
    const remaining = deliveries.filter((delivery) => delivery.id !== id);
    const next = remaining[Math.min(Math.max(index, 0), remaining.length - 1)]?.id ?? null;
    setDeliveries(remaining);
    setSelectedId(next);
    replaceUrl(next);
    if (next === null) setShowDetail(false);
  };

  const onCleared = () => {
    deliveryDetailCache.forget(binId, null);
    // Supersedes a list reload in flight (e.g. the bin-changed event of this very clear), so
    // that reload will not finish: nothing is loading any more.
    listRequest.current++;
    setFiltering(false);
    setDeliveries([]);
    setCursor(null);
    setHiddenLive(0);
    setSelectedId(null);
    setShowDetail(false);
    replaceUrl(null);
    setSettingsOpen(false);
  };

  const onBinDeleted = () => {
    deliveryDetailCache.forget(binId, null);
    setSettingsOpen(false);
    router.push("/");
  };

  const shareUrl = selectedId ? `${viewUrl}/${encodeURIComponent(selectedId)}` : viewUrl;
  const empty = deliveries.length === 0 && !filtered && !filtering;

  return (
    <div className="flex h-dvh flex-col">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <Link
          href="/"
          className="text-sm font-bold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
        >
          Webhook <span className="text-sky-600 dark:text-sky-400">Echo</span>
        </Link>
        <h1 className="order-last flex w-full min-w-0 items-baseline gap-1.5 text-sm sm:order-none sm:w-auto sm:flex-1">
          <span className="text-zinc-500">Bin</span>
          <code className="truncate font-semibold">{binId}</code>
          {isOwner && (
            <span
              data-testid="owner-badge"
              className="ml-1 rounded bg-sky-100 px-1.5 py-px text-[11px] font-semibold text-sky-800 dark:bg-sky-500/15 dark:text-sky-300"
            >
              yours
            </span>
          )}
        </h1>
        <div className="ml-auto flex items-center gap-2">
          <LiveStatus status={status} />
          <CopyButton text={shareUrl} label="Copy view link" testId="copy-view-link" />
        </div>
        <div className="order-last flex w-full min-w-0 flex-wrap items-center gap-x-4 gap-y-1.5">
          {!empty && (
            <div className="flex min-w-[16rem] flex-1 items-center gap-2 text-xs text-zinc-500">
              <span className="shrink-0">Echo URL</span>
              <code className="min-w-0 truncate text-zinc-800 select-all dark:text-zinc-200">
                {echoUrl}
              </code>
              <CopyButton text={echoUrl} ariaLabel="Copy echo URL" />
            </div>
          )}
          <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-1.5">
            <BinSummary settings={settings} bin={bin} />
            {isOwner ? (
              <button
                type="button"
                data-testid="open-settings"
                onClick={() => setSettingsOpen(true)}
                className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
              >
                Settings
              </button>
            ) : (
              !hasOwner && <ClaimBinButton binId={binId} />
            )}
            <SendSampleButton binId={binId} isOwner={isOwner} onSent={select} />
          </div>
        </div>
      </header>

      {empty ? (
        <main className="min-h-0 flex-1 overflow-y-auto">
          <EmptyState echoUrl={echoUrl} />
        </main>
      ) : (
        <main className="flex min-h-0 flex-1">
          <nav
            aria-label="Deliveries"
            className={`${showDetail ? "hidden" : "flex"} w-full min-w-0 flex-col border-zinc-200 md:flex md:w-[24rem] md:shrink-0 md:border-r lg:w-[28rem] dark:border-zinc-800`}
          >
            <FilterBar filter={filter} onChange={applyFilter} busy={filtering} />
            <div className="flex items-center justify-between gap-2 border-b border-zinc-100 px-3 py-1.5 text-xs text-zinc-500 dark:border-zinc-800/70">
              <span data-testid="list-count" aria-live="polite">
                {filtering
                  ? "Filtering…"
                  : `${deliveries.length.toLocaleString()} ${filtered ? "matching" : "shown"}${cursor ? " (more older)" : ""}`}
              </span>
              <span className="flex items-center gap-2">
                <span className="hidden lg:inline">
                  <kbd className="rounded border border-zinc-300 px-1 dark:border-zinc-700">j</kbd>/
                  <kbd className="rounded border border-zinc-300 px-1 dark:border-zinc-700">k</kbd>{" "}
                  to move
                </span>
                <ExportMenu binId={binId} filterQuery={filterQuery} />
              </span>
            </div>
            {hiddenLive > 0 && (
              <div
                data-testid="hidden-by-filter"
                className="flex items-center justify-between gap-2 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-400/20 dark:bg-amber-400/10 dark:text-amber-100"
              >
                <span>
                  {hiddenLive === 1
                    ? "1 new delivery is not shown by the filter"
                    : `${hiddenLive} new deliveries are not shown by the filter`}
                </span>
                <button
                  type="button"
                  onClick={() => void reloadList(filterRef.current)}
                  className="rounded px-1.5 py-0.5 font-semibold hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-amber-500 dark:hover:bg-amber-400/20"
                >
                  Check again
                </button>
              </div>
            )}
            {listError && (
              <p role="alert" className="px-3 py-2 text-xs text-rose-600 dark:text-rose-400">
                {listError}
              </p>
            )}
            <DeliveryList
              // A new filter starts at the top of its own list.
              key={filterQuery}
              deliveries={deliveries}
              selectedId={selectedId}
              freshIds={freshIds}
              onSelect={select}
              hasOlder={cursor !== null}
              loadingOlder={loadingOlder}
              olderError={olderError}
              onLoadOlder={loadOlder}
              filtered={filtered}
            />
          </nav>
          <div
            className={`${showDetail ? "block" : "hidden"} min-w-0 flex-1 overflow-y-auto md:block`}
          >
            <DeliveryDetailPane
              binId={binId}
              echoUrl={echoUrl}
              deliveryId={selectedId}
              onBack={() => setShowDetail(false)}
              onSelect={select}
              onDelete={isOwner ? deleteDelivery : null}
              revision={detailRevision}
              initialTab={selectedId === initialSelectedId ? initialTab : null}
            />
          </div>
        </main>
      )}
      {isOwner && (
        <OwnerSettingsDialog
          open={settingsOpen}
          onClose={() => setSettingsOpen(false)}
          binId={binId}
          settings={settings}
          limits={bin?.limits ?? null}
          onSaved={setSavedSettings}
          onSecretSaved={onSecretSaved}
          onCleared={onCleared}
          onBinDeleted={onBinDeleted}
        />
      )}
    </div>
  );
}
