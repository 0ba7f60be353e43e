"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from "react";
import { DeliveryRow, DELIVERY_ROW_HEIGHT, type Freshness } from "@/components/view/DeliveryRow";
import type { ListedDelivery } from "@/components/view/listed-delivery";

// Rows rendered beyond the viewport on each side: enough for smooth wheel scrolling, few enough
// that the DOM stays small at any list length.
const OVERSCAN = 8;
// Older pages are requested while the last loaded row is at most this many rows away.
const LOAD_AHEAD_ROWS = 30;
// Within this many pixels of the top counts as "at the top" (sub-pixel scroll positions).
const TOP_SLACK = 4;

interface DeliveryListProps {
  deliveries: ListedDelivery[];
  selectedId: string | null;
  freshIds: ReadonlyMap<string, Freshness>;
  onSelect: (id: string) => void;
  onPreview?: (delivery: ListedDelivery) => void;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: string | null;
  onLoadOlder: () => void;
  /** A filter is active: the list is a selection, not the whole bin. */
  filtered: boolean;
  /** On: the list stays at the newest row. Off: what the user reads stays put as rows arrive. */
  follow: boolean;
  /** The user scrolled away from the top: following stops. */
  onStopFollowing: () => void;
}

/**
 * The bin's list, virtualised (only the rows in view are in the DOM), newest first. Older
 * pages load as the end comes near; rows arriving above a list that does not follow keep the
 * viewport still and are counted in an "N new" pill until the user goes back to the top.
 */
export function DeliveryList({
  deliveries,
  selectedId,
  freshIds,
  onSelect,
  onPreview,
  hasOlder,
  loadingOlder,
  olderError,
  onLoadOlder,
  filtered,
  follow,
  onStopFollowing,
}: DeliveryListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const firstId = useRef<string | null>(deliveries[0]?.id ?? null);
  // The newest row the user has seen at the top: rows above it are "new".
  const [seenTopId, setSeenTopId] = useState<string | null>(deliveries[0]?.id ?? null);
  // The app does not run the React Compiler, and the virtualizer is used only inside this
  // component (rows get plain values), so nothing memoised can go stale.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: deliveries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => DELIVERY_ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => deliveries[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();

  // Rows streamed in above push the content down by whole rows. Following, the list stays at
  // the top; otherwise it scrolls by the same amount so what the user reads stays put.
  useLayoutEffect(() => {
    const element = scroller.current;
    const previous = firstId.current;
    firstId.current = deliveries[0]?.id ?? null;
    if (!element || previous === null) return;
    const inserted = deliveries.findIndex((delivery) => delivery.id === previous);
    // Following, the list is at the top already (scrolling away stops following); not touching
    // scrollTop then spares a forced layout per batch during a burst.
    if (inserted > 0 && !follow) element.scrollTop += inserted * DELIVERY_ROW_HEIGHT;
  }, [deliveries, follow]);

  // Following again goes back to the newest row.
  useEffect(() => {
    if (follow && scroller.current) scroller.current.scrollTop = 0;
  }, [follow]);

  // Following, everything is seen; when following stops, what is on top now is the mark.
  const top = deliveries[0]?.id ?? null;
  const [wasFollowing, setWasFollowing] = useState(follow);
  if (wasFollowing !== follow) {
    setWasFollowing(follow);
    setSeenTopId(top);
  }
  const newCount = (() => {
    if (follow || seenTopId === null) return 0;
    const index = deliveries.findIndex((delivery) => delivery.id <= seenTopId);
    return index === -1 ? 0 : index;
  })();

  // Keyboard selection and deep links: bring the selected row into view.
  const scrollToSelected = useEffectEvent(() => {
    const index = selectedId ? deliveries.findIndex((delivery) => delivery.id === selectedId) : -1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
  });
  useEffect(() => scrollToSelected(), [selectedId]);

  // Infinite scroll: the next older page is fetched before the user reaches the end.
  const lastRendered = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (
      hasOlder &&
      !loadingOlder &&
      !olderError &&
      lastRendered >= deliveries.length - LOAD_AHEAD_ROWS
    )
      onLoadOlder();
  }, [deliveries.length, hasOlder, lastRendered, loadingOlder, olderError, onLoadOlder]);

  const onScroll = () => {
    if ((scroller.current?.scrollTop ?? 0) > TOP_SLACK) {
      if (follow) onStopFollowing();
      return;
    }
    setSeenTopId(deliveries[0]?.id ?? null);
  };

  return (
    <div
      ref={scroller}
      data-testid="delivery-list"
      onScroll={onScroll}
      className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain [overflow-anchor:none]"
    >
      {newCount > 0 && (
        <div className="pointer-events-none sticky top-2 z-10 flex h-0 justify-center">
          <button
            type="button"
            data-testid="new-deliveries-pill"
            onClick={() => {
              if (scroller.current) scroller.current.scrollTop = 0;
              setSeenTopId(deliveries[0]?.id ?? null);
            }}
            className="pointer-events-auto h-7 rounded-full bg-sky-700 px-3 text-xs font-semibold text-white shadow-md hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
          >
            ↑ {newCount.toLocaleString()} new
          </button>
        </div>
      )}
      <ul
        aria-label="Deliveries, newest first"
        className="relative"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const delivery = deliveries[item.index];
          if (!delivery) return null;
          return (
            <DeliveryRow
              key={delivery.id}
              delivery={delivery}
              selected={delivery.id === selectedId}
              freshness={freshIds.get(delivery.id) ?? null}
              onSelect={onSelect}
              onPreview={onPreview}
              offset={item.start}
              position={item.index + 1}
              setSize={hasOlder ? -1 : deliveries.length}
            />
          );
        })}
      </ul>
      <div className="flex flex-col items-center gap-2 p-4 text-sm">
        {hasOlder ? (
          <span data-testid="loading-older" className="text-xs text-zinc-600 dark:text-zinc-400">
            {loadingOlder ? "Loading older deliveries…" : "Scroll for older deliveries"}
          </span>
        ) : (
          <span data-testid="list-end" className="text-xs text-zinc-600 dark:text-zinc-400">
            {deliveries.length === 0
              ? "No deliveries match the filter."
              : filtered
                ? "That’s everything matching the filter."
                : "That’s everything in this bin."}
          </span>
        )}
        {olderError && (
          <span
            role="alert"
            className="flex items-center gap-2 text-xs text-rose-700 dark:text-rose-400"
          >
            {olderError}
            <button
              type="button"
              data-testid="load-older-retry"
              onClick={onLoadOlder}
              className="rounded border border-rose-300 px-1.5 py-0.5 font-medium dark:border-rose-400/40"
            >
              Try again
            </button>
          </span>
        )}
      </div>
    </div>
  );
}
