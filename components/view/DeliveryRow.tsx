import { memo } from "react";
import { RelativeTime } from "@/components/common/RelativeTime";
import { AttemptChip } from "@/components/view/AttemptChip";
import { BaselineChip } from "@/components/view/BaselineChip";
import { ConformanceBadge } from "@/components/view/ConformanceBadge";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import { MethodBadge } from "@/components/view/MethodBadge";
import { SignatureBadge } from "@/components/view/SignatureBadge";
import { StatusCode } from "@/components/view/StatusCode";
import { RowSummary } from "@/components/view/RowSummary";
import { formatByteSize } from "@/lib/payload/format-byte-size";

/** A live arrival is highlighted ("new"), then fades out ("fading"). */
export type Freshness = "new" | "fading";

/** Every row is this tall: the virtualised list positions rows by it. */
export const DELIVERY_ROW_HEIGHT = 80;

interface DeliveryRowProps {
  delivery: ListedDelivery;
  selected: boolean;
  freshness: Freshness | null;
  onSelect: (id: string) => void;
  /** The pointer or the keyboard focus is on the row: its detail may be wanted next. */
  onPreview?: (delivery: ListedDelivery) => void;
  /** Pixels from the top of the list (rows are absolutely positioned). */
  offset: number;
  /** 1-based position and list size for assistive technology (-1: more rows may follow). */
  position: number;
  setSize: number;
}

/** One fixed-height list row: request line, content type and size, what tells it apart. */
export const DeliveryRow = memo(function DeliveryRow({
  delivery,
  selected,
  freshness,
  onSelect,
  onPreview,
  offset,
  position,
  setSize,
}: DeliveryRowProps) {
  const target = delivery.path === "" ? "/" : delivery.path;
  const background = selected
    ? "bg-sky-50 dark:bg-sky-500/10 border-l-sky-500 duration-150"
    : freshness === "new"
      ? "bg-amber-50 dark:bg-amber-400/10 border-l-amber-400 duration-150"
      : freshness === "fading"
        ? "border-l-transparent duration-1000"
        : "border-l-transparent duration-150 hover:bg-zinc-50 dark:hover:bg-zinc-900";
  return (
    <li
      data-testid="delivery-row"
      data-delivery-id={delivery.id}
      aria-posinset={position}
      aria-setsize={setSize}
      style={{ height: DELIVERY_ROW_HEIGHT, transform: `translateY(${offset}px)` }}
      className="absolute top-0 left-0 w-full border-b border-zinc-100 dark:border-zinc-800/70"
    >
      <button
        type="button"
        onClick={() => onSelect(delivery.id)}
        onPointerEnter={() => onPreview?.(delivery)}
        onFocus={() => onPreview?.(delivery)}
        aria-current={selected ? "true" : undefined}
        className={`flex h-full w-full flex-col justify-center gap-1 border-l-4 px-3 text-left transition-colors focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 ${background}`}
      >
        <span className="flex min-w-0 items-center gap-2">
          <MethodBadge method={delivery.method} />
          <span className="min-w-0 flex-1 truncate font-mono text-[13px]">
            {target}
            {delivery.query !== "" && (
              <span className="text-zinc-600 dark:text-zinc-400">?{delivery.query}</span>
            )}
          </span>
          <RelativeTime
            iso={delivery.receivedAt}
            className="shrink-0 text-xs text-zinc-600 tabular-nums dark:text-zinc-400"
          />
        </span>
        {/* The content type has this line to itself (with the size): chips never squeeze it. */}
        <span className="flex min-w-0 items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
          <span data-testid="row-content-type" className="min-w-0 truncate">
            {delivery.contentType ?? "no content type"}
          </span>
          <span aria-hidden="true">·</span>
          <span className="shrink-0 tabular-nums">{formatByteSize({ bytes: delivery.size })}</span>
        </span>
        <span className="flex min-w-0 items-center gap-2 overflow-hidden text-xs">
          <RowSummary delivery={delivery} />
          <span className="ml-auto flex shrink-0 items-center gap-1.5">
            <BaselineChip binId={delivery.binId} deliveryId={delivery.id} />
            <AttemptChip attempt={delivery.attempt} isDuplicate={delivery.isDuplicate} />
            <StatusCode status={delivery.responseStatus} prefix="→ " testId="row-response-status" />
            <ConformanceBadge conformance={delivery.conformance ?? null} />
            <span data-testid="signature-slot" className="inline-flex">
              <SignatureBadge signature={delivery.signature} />
            </span>
          </span>
        </span>
      </button>
    </li>
  );
});
