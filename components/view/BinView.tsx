"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { recordRecentBin } from "@/components/common/recent-bins";
import { BinHeader } from "@/components/view/BinHeader";
import type { BinLinks } from "@/components/view/bin-links";
import { DeliveryDetailPane } from "@/components/view/DeliveryDetailPane";
import { DeliveryListPane } from "@/components/view/DeliveryListPane";
import { EmptyState } from "@/components/view/EmptyState";
import { OwnerSettingsDialog } from "@/components/view/OwnerSettingsDialog";
import { binQueryKey } from "@/components/view/bin-query-key";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import { clearCachedDeliveries } from "@/components/view/clear-cached-deliveries";
import { deleteDelivery } from "@/components/view/delete-delivery";
import { deliveryDetailQuery } from "@/components/view/delivery-detail-query";
import { pickBinSettings } from "@/components/view/pick-bin-settings";
import { fetchPublicBin } from "@/components/view/fetch-public-bin";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import { removeCachedDelivery } from "@/components/view/remove-cached-delivery";
import { useDeliveryList } from "@/components/view/use-delivery-list";
import { useFreshHighlights } from "@/components/view/use-fresh-highlights";
import { useListKeyboard } from "@/components/view/use-list-keyboard";
import { useCloseHiddenSelection } from "@/components/view/use-close-hidden-selection";
import { useUrlFilter } from "@/components/view/use-url-filter";
import { useLiveCache } from "@/components/view/use-live-cache";
import type { PublicBin } from "@/lib/bins/public-bin";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";

export interface BinViewProps {
  binId: string;
  links: BinLinks;
  /** Newest delivery of the server-rendered first page (already in the query cache). */
  initialNewestId: string | null;
  /** From a deep link /view/<id>/<deliveryId>. */
  initialSelectedId: string | null;
  /** ?tab= of the deep link: which body view the linked delivery opens with. */
  initialTab: string | null;
  hasOwner: boolean;
  isOwner: boolean;
  /** Settings, limits and counters; null while nothing was ever sent to the bin. */
  bin: PublicBin | null;
}

const PREFETCH_MAX_BYTES = 256 * 1024;

// With stable props (the handlers below), a live batch that only grows the list leaves the
// open delivery's pane (often a big JSON tree) alone.
const MemoDeliveryDetailPane = memo(DeliveryDetailPane);

/** The live view of one bin: list and detail panes over the bin's query cache. */
export function BinView({
  binId,
  links,
  initialNewestId,
  initialSelectedId,
  initialTab,
  hasOwner,
  isOwner,
  bin,
}: BinViewProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [selectedId, setSelectedId] = useState<string | null>(initialSelectedId ?? initialNewestId);
  // On narrow screens list and detail take turns; a deep link opens the detail.
  const [showDetail, setShowDetail] = useState(initialSelectedId !== null);
  const [filter, setFilter] = useUrlFilter();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { freshIds, highlight } = useFreshHighlights();
  const list = useDeliveryList({ binId, filter });
  // Re-read on every bin-changed event (all of ["bin", id] is invalidated), which a
  // `forward --respond` connecting or leaving also publishes; starts from the server render.
  // The settings are read off the same answer: one GET /api/bins/<id> per change, not two.
  const { data: liveBin } = useQuery({
    queryKey: binQueryKey.public(binId),
    queryFn: ({ signal }) => fetchPublicBin({ binId, signal }),
    initialData: bin ?? undefined,
  });
  const settings = useMemo(() => pickBinSettings({ bin: liveBin }), [liveBin]);

  useEffect(() => {
    recordRecentBin(binId);
  }, [binId]);

  const status = useLiveCache({
    binId,
    listKey: binQueryKey.list(binId, buildFilterQuery({ filter })),
    onShown: (shown) => {
      // The first delivery of an empty bin gets selected; otherwise the selection stays put.
      setSelectedId((id) => id ?? shown[0]?.id ?? null);
      highlight(shown.map((delivery) => delivery.id));
    },
  });

  const replaceUrl = useCallback(
    (id: string | null) => {
      // Shareable URL without a navigation (and without re-rendering the server page); the
      // filter in the query string stays, the previous delivery's body tab does not.
      const search = new URLSearchParams(window.location.search);
      search.delete("tab");
      window.history.replaceState(
        window.history.state,
        "",
        (id === null
          ? `/view/${encodeURIComponent(binId)}`
          : `/view/${encodeURIComponent(binId)}/${encodeURIComponent(id)}`) +
          (search.size > 0 ? `?${search}` : ""),
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

  // Hovering or tabbing onto a row loads its detail ahead of the click; large bodies wait.
  const preview = useCallback(
    (delivery: ListedDelivery) => {
      if (delivery.size > PREFETCH_MAX_BYTES) return;
      void queryClient.prefetchQuery(
        deliveryDetailQuery({ queryClient, binId, deliveryId: delivery.id }),
      );
    },
    [binId, queryClient],
  );

  useListKeyboard({ deliveries: list.deliveries, selectedId, onSelect: select });
  useCloseHiddenSelection({
    list,
    filterQuery: buildFilterQuery({ filter }),
    selectedId,
    onHidden: () => {
      setSelectedId(null);
      setShowDetail(false);
      replaceUrl(null);
    },
  });

  const saveSettings = (next: BinSettingsState) => {
    const key = binQueryKey.public(binId);
    const current = queryClient.getQueryData<PublicBin>(key);
    // Not read yet (a bin its first delivery created): read it, the answer holds the change.
    if (!current) return void queryClient.invalidateQueries({ queryKey: key });
    queryClient.setQueryData<PublicBin>(key, { ...current, ...next });
  };

  const onSecretSaved = (next: BinSettingsState) => {
    saveSettings(next);
    // Every verdict is judged again with the new secret: refresh rows and details.
    void queryClient.invalidateQueries({ queryKey: binQueryKey.lists(binId) });
    void queryClient.invalidateQueries({ queryKey: binQueryKey.details(binId) });
  };

  // Read at delete time, so the handler (a detail pane prop) need not change with every batch.
  const deliveriesRef = useRef(list.deliveries);
  useEffect(() => {
    deliveriesRef.current = list.deliveries;
  }, [list.deliveries]);

  const onDelete = useCallback(
    async (id: string) => {
      await deleteDelivery({ binId, deliveryId: id });
      removeCachedDelivery({ queryClient, binId, deliveryId: id });
      const deliveries = deliveriesRef.current;
      const index = deliveries.findIndex((delivery) => delivery.id === id);
      const remaining = deliveries.filter((delivery) => delivery.id !== id);
      const next = remaining[Math.min(Math.max(index, 0), remaining.length - 1)]?.id ?? null;
      setSelectedId(next);
      replaceUrl(next);
      if (next === null) setShowDetail(false);
    },
    [binId, queryClient, replaceUrl],
  );
  const onBack = useCallback(() => setShowDetail(false), []);

  const onCleared = async () => {
    setSelectedId(null);
    setShowDetail(false);
    replaceUrl(null);
    setSettingsOpen(false);
    await clearCachedDeliveries({ queryClient, binId });
  };

  const onBinDeleted = () => {
    setSettingsOpen(false);
    // Leaving the view drops its query client with everything cached for the bin.
    router.push("/");
  };

  const filterQuery = buildFilterQuery({ filter });
  const shareUrl =
    (selectedId ? `${links.viewUrl}/${encodeURIComponent(selectedId)}` : links.viewUrl) +
    (filterQuery ? `?${filterQuery}` : "");
  const empty = list.deliveries.length === 0 && !list.filtered && !list.filtering;

  return (
    // The page itself never scrolls: header on top, and only the list and the detail pane
    // scroll, each a positioned box (so absolutely placed screen-reader text inside them cannot
    // stretch the document) whose overscroll stops at its edge instead of moving the page.
    <div data-testid="bin-view" className="relative flex h-dvh flex-col overflow-hidden">
      <BinHeader
        binId={binId}
        links={links}
        bin={liveBin ?? null}
        shareUrl={shareUrl}
        status={status}
        hasOwner={hasOwner}
        isOwner={isOwner}
        onOpenSettings={() => setSettingsOpen(true)}
        onSampleSent={select}
      />
      {empty ? (
        <main
          id="main"
          tabIndex={-1}
          className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain"
        >
          <EmptyState links={links} />
        </main>
      ) : (
        <main id="main" tabIndex={-1} className="relative flex min-h-0 flex-1">
          <DeliveryListPane
            binId={binId}
            filter={filter}
            onFilterChange={setFilter}
            list={list}
            hidden={showDetail}
            selectedId={selectedId}
            freshIds={freshIds}
            onSelect={select}
            onPreview={preview}
          />
          <div
            data-testid="detail-scroller"
            className={`${showDetail ? "block" : "hidden"} relative min-w-0 flex-1 overflow-y-auto overscroll-contain md:block`}
          >
            <MemoDeliveryDetailPane
              binId={binId}
              echoUrl={links.echoUrl}
              deliveryId={selectedId}
              onBack={onBack}
              onSelect={select}
              onDelete={isOwner ? onDelete : null}
              initialTab={selectedId === initialSelectedId ? initialTab : null}
              isOwner={isOwner}
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
          links={links}
          onSaved={saveSettings}
          onSecretSaved={onSecretSaved}
          onCleared={() => void onCleared()}
          onBinDeleted={onBinDeleted}
        />
      )}
    </div>
  );
}
