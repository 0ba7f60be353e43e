"use client";

import { useState } from "react";
import { DeliveryList } from "@/components/view/DeliveryList";
import type { Freshness } from "@/components/view/DeliveryRow";
import { ExportMenu } from "@/components/view/ExportMenu";
import { FilterBar } from "@/components/view/FilterBar";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import type { DeliveryListState } from "@/components/view/use-delivery-list";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";
import type { ListFilter } from "@/lib/payload/list-filter";

interface DeliveryListPaneProps {
  binId: string;
  filter: ListFilter;
  onFilterChange: (filter: ListFilter) => void;
  list: DeliveryListState;
  /** On narrow screens list and detail take turns. */
  hidden: boolean;
  selectedId: string | null;
  freshIds: ReadonlyMap<string, Freshness>;
  onSelect: (id: string) => void;
  onPreview: (delivery: ListedDelivery) => void;
}

/** The left pane: filters, counts, export, live rows the filter hides, and the list itself. */
export function DeliveryListPane({
  binId,
  filter,
  onFilterChange,
  list,
  hidden,
  selectedId,
  freshIds,
  onSelect,
  onPreview,
}: DeliveryListPaneProps) {
  const { deliveries, filtered, filtering, hiddenLive } = list;
  // Following: the list stays at the newest row. Scrolling away stops it; the toggle resumes.
  const [follow, setFollow] = useState(true);
  return (
    <nav
      aria-label="Deliveries"
      className={`${hidden ? "hidden" : "flex"} relative min-h-0 w-full min-w-0 flex-col border-zinc-200 md:flex md:w-[24rem] md:shrink-0 md:border-r lg:w-[28rem] dark:border-zinc-800`}
    >
      <FilterBar filter={filter} onChange={onFilterChange} busy={filtering} />
      <div className="flex items-center justify-between gap-2 border-b border-zinc-100 px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400 dark:border-zinc-800/70">
        <span data-testid="list-count" aria-live="polite">
          {filtering
            ? "Filtering…"
            : `${deliveries.length.toLocaleString()} ${filtered ? "matching" : "shown"}${list.hasOlder ? " (more older)" : ""}`}
        </span>
        <span className="flex items-center gap-2">
          <button
            type="button"
            data-testid="follow-newest"
            aria-pressed={follow}
            onClick={() => setFollow((on) => !on)}
            title={
              follow
                ? "The list stays at the newest delivery"
                : "The list stays where you scrolled; new deliveries are counted"
            }
            className={`rounded px-1.5 py-0.5 font-medium focus-visible:outline-2 focus-visible:outline-sky-500 ${
              follow
                ? "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300"
                : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            }`}
          >
            <span aria-hidden="true">{follow ? "● " : "○ "}</span>
            Follow newest
          </button>
          <span className="hidden lg:inline">
            <kbd className="rounded border border-zinc-300 px-1 dark:border-zinc-700">j</kbd>/
            <kbd className="rounded border border-zinc-300 px-1 dark:border-zinc-700">k</kbd> to
            move
          </span>
          <ExportMenu binId={binId} filter={filter} filtered={filtered} />
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
            onClick={list.reload}
            className="rounded px-1.5 py-0.5 font-semibold hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-amber-500 dark:hover:bg-amber-400/20"
          >
            Check again
          </button>
        </div>
      )}
      {list.listError && (
        <p role="alert" className="px-3 py-2 text-xs text-rose-600 dark:text-rose-400">
          {list.listError}
        </p>
      )}
      <DeliveryList
        // A new filter starts at the top of its own list.
        key={buildFilterQuery({ filter })}
        deliveries={deliveries}
        selectedId={selectedId}
        freshIds={freshIds}
        onSelect={onSelect}
        onPreview={onPreview}
        hasOlder={list.hasOlder}
        loadingOlder={list.loadingOlder}
        olderError={list.olderError}
        onLoadOlder={list.loadOlder}
        filtered={filtered}
        follow={follow}
        onStopFollowing={() => setFollow(false)}
      />
    </nav>
  );
}
