"use client";

import { useLayoutEffect, useRef, useEffect } from "react";
import { DeliveryRow, type Freshness } from "@/components/view/DeliveryRow";
import type { ListedDelivery } from "@/components/view/listed-delivery";

// Matches the h-16 rows: used to keep the viewport still when rows are inserted above it.
const ROW_HEIGHT = 64;

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
}

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
}: DeliveryListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const firstId = useRef<string | null>(deliveries[0]?.id ?? null);

  // Rows streamed in above a scrolled list push the content down by whole rows: scroll by the
  // same amount so what the user is reading stays put (at the very top, new rows just appear).
  useLayoutEffect(() => {
    const element = scroller.current;
    const previous = firstId.current;
    firstId.current = deliveries[0]?.id ?? null;
    if (!element || previous === null) return;
    const inserted = deliveries.findIndex((delivery) => delivery.id === previous);
    if (inserted > 0 && element.scrollTop > 0) element.scrollTop += inserted * ROW_HEIGHT;
  }, [deliveries]);

  // Keyboard selection and deep links: bring the selected row into view.
  useEffect(() => {
    if (!selectedId || !scroller.current) return;
    const row = scroller.current.querySelector<HTMLElement>(
      `[data-delivery-id="${CSS.escape(selectedId)}"]`,
    );
    row?.scrollIntoView({ block: "nearest" });
  }, [selectedId]);

  return (
    <div
      ref={scroller}
      data-testid="delivery-list"
      className="relative min-h-0 flex-1 overflow-y-auto overscroll-contain [overflow-anchor:none]"
    >
      <ul aria-label="Deliveries, newest first">
        {deliveries.map((delivery) => (
          <DeliveryRow
            key={delivery.id}
            delivery={delivery}
            selected={delivery.id === selectedId}
            freshness={freshIds.get(delivery.id) ?? null}
            onSelect={onSelect}
            onPreview={onPreview}
          />
        ))}
      </ul>
      <div className="flex flex-col items-center gap-2 p-4 text-sm">
        {hasOlder ? (
          <button
            type="button"
            data-testid="load-older"
            onClick={onLoadOlder}
            disabled={loadingOlder}
            className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {loadingOlder ? "Loading…" : "Load older"}
          </button>
        ) : (
          <span data-testid="list-end" className="text-xs text-zinc-500 dark:text-zinc-400">
            {deliveries.length === 0
              ? "No deliveries match the filter."
              : filtered
                ? "That’s everything matching the filter."
                : "That’s everything in this bin."}
          </span>
        )}
        {olderError && (
          <span role="alert" className="text-xs text-rose-600 dark:text-rose-400">
            {olderError}
          </span>
        )}
      </div>
    </div>
  );
}
