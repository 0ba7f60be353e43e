"use client";

import Link from "next/link";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { CopyButton } from "@/components/common/CopyButton";
import { recordRecentBin } from "@/components/common/recent-bins";
import { DeliveryDetailPane } from "@/components/view/DeliveryDetailPane";
import { DeliveryList } from "@/components/view/DeliveryList";
import { EmptyState } from "@/components/view/EmptyState";
import { LiveStatus } from "@/components/view/LiveStatus";
import { isDeliverySummary } from "@/components/view/is-delivery-summary";
import { mergeDeliveries } from "@/components/view/merge-deliveries";
import { useLiveDeliveries } from "@/components/view/use-live-deliveries";
import type { Freshness } from "@/components/view/DeliveryRow";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";

export interface BinViewProps {
  binId: string;
  echoUrl: string;
  viewUrl: string;
  initialDeliveries: DeliverySummary[];
  initialCursor: string | null;
  /** From a deep link /view/<id>/<deliveryId>. */
  initialSelectedId: string | null;
}

const PAGE_SIZE = 50;
const FRESH_MS = 2000;
const FADE_MS = 1000;

export function BinView({
  binId,
  echoUrl,
  viewUrl,
  initialDeliveries,
  initialCursor,
  initialSelectedId,
}: BinViewProps) {
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
  const deliveriesRef = useRef(deliveries);

  useEffect(() => {
    deliveriesRef.current = deliveries;
  }, [deliveries]);

  useEffect(() => {
    recordRecentBin(binId);
  }, [binId]);

  const onLive = useCallback((incoming: DeliverySummary[]) => {
    const known = new Set(deliveriesRef.current.map((delivery) => delivery.id));
    const newest = deliveriesRef.current[0]?.id ?? "";
    // Only deliveries newer than everything shown flash; replayed older ones just slot in.
    const added = incoming
      .filter((delivery) => !known.has(delivery.id) && delivery.id > newest)
      .map((delivery) => delivery.id);
    setDeliveries((current) => mergeDeliveries(current, incoming));
    if (added.length === 0) return;
    // The first delivery of an empty bin gets selected; otherwise the selection stays put.
    setSelectedId((current) => current ?? added[0] ?? null);
    setFreshIds((current) => {
      const next = new Map(current);
      for (const id of added) next.set(id, "new");
      return next;
    });
    // Two phases so only the end of the highlight fades slowly (selection changes stay snappy).
    const update = (phase: Freshness | null) =>
      setFreshIds((current) => {
        const next = new Map(current);
        for (const id of added) {
          if (phase) next.set(id, phase);
          else next.delete(id);
        }
        return next;
      });
    setTimeout(() => update("fading"), FRESH_MS);
    setTimeout(() => update(null), FRESH_MS + FADE_MS);
  }, []);

  const status = useLiveDeliveries({
    binId,
    getNewestId: () => deliveriesRef.current[0]?.id ?? null,
    onDeliveries: onLive,
  });

  const select = useCallback(
    (id: string) => {
      setSelectedId(id);
      setShowDetail(true);
      // Shareable URL without a navigation (and without re-rendering the server page).
      window.history.replaceState(
        window.history.state,
        "",
        `/view/${encodeURIComponent(binId)}/${encodeURIComponent(id)}`,
      );
    },
    [binId],
  );

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (
      target &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
    ) {
      return;
    }
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
      const response = await fetch(
        `/api/bins/${encodeURIComponent(binId)}/deliveries?limit=${PAGE_SIZE}&before=${encodeURIComponent(cursor)}`,
        { credentials: "same-origin" },
      );
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const page: unknown = await response.json();
      const record = (page ?? {}) as { deliveries?: unknown; nextCursor?: unknown };
      const older = Array.isArray(record.deliveries)
        ? record.deliveries.filter(isDeliverySummary)
        : [];
      setDeliveries((current) => mergeDeliveries(current, older));
      setCursor(typeof record.nextCursor === "string" ? record.nextCursor : null);
    } catch (error) {
      setOlderError(
        `Could not load older deliveries${error instanceof Error ? ` (${error.message})` : ""}.`,
      );
    } finally {
      setLoadingOlder(false);
    }
  };

  const shareUrl = selectedId ? `${viewUrl}/${encodeURIComponent(selectedId)}` : viewUrl;
  const empty = deliveries.length === 0;

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
        </h1>
        <div className="ml-auto flex items-center gap-2">
          <LiveStatus status={status} />
          <CopyButton text={shareUrl} label="Copy view link" testId="copy-view-link" />
        </div>
        {!empty && (
          <div className="order-last flex w-full min-w-0 items-center gap-2 text-xs text-zinc-500">
            <span className="shrink-0">Echo URL</span>
            <code className="min-w-0 truncate text-zinc-800 select-all dark:text-zinc-200">
              {echoUrl}
            </code>
            <CopyButton text={echoUrl} ariaLabel="Copy echo URL" />
          </div>
        )}
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
            <div className="flex items-center justify-between border-b border-zinc-100 px-3 py-1.5 text-xs text-zinc-500 dark:border-zinc-800/70">
              <span>
                {deliveries.length.toLocaleString()} shown{cursor ? " (more older)" : ""}
              </span>
              <span className="hidden sm:inline">
                <kbd className="rounded border border-zinc-300 px-1 dark:border-zinc-700">j</kbd>/
                <kbd className="rounded border border-zinc-300 px-1 dark:border-zinc-700">k</kbd> to
                move
              </span>
            </div>
            <DeliveryList
              deliveries={deliveries}
              selectedId={selectedId}
              freshIds={freshIds}
              onSelect={select}
              hasOlder={cursor !== null}
              loadingOlder={loadingOlder}
              olderError={olderError}
              onLoadOlder={loadOlder}
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
            />
          </div>
        </main>
      )}
    </div>
  );
}
