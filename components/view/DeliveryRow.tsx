import { memo } from "react";
import { RelativeTime } from "@/components/common/RelativeTime";
import { AttemptChip } from "@/components/view/AttemptChip";
import { BaselineChip } from "@/components/view/BaselineChip";
import { ConformanceBadge } from "@/components/view/ConformanceBadge";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import { MethodBadge } from "@/components/view/MethodBadge";
import { SignatureBadge } from "@/components/view/SignatureBadge";
import { StatusCode } from "@/components/view/StatusCode";
import { formatByteSize } from "@/lib/payload/format-byte-size";

/** A live arrival is highlighted ("new"), then fades out ("fading"). */
export type Freshness = "new" | "fading";

interface DeliveryRowProps {
  delivery: ListedDelivery;
  selected: boolean;
  freshness: Freshness | null;
  onSelect: (id: string) => void;
  /** The pointer or the keyboard focus is on the row: its detail may be wanted next. */
  onPreview?: (delivery: ListedDelivery) => void;
}

/** One fixed-height list row (the list relies on the height to keep its scroll position). */
export const DeliveryRow = memo(function DeliveryRow({
  delivery,
  selected,
  freshness,
  onSelect,
  onPreview,
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
      className="h-16 border-b border-zinc-100 dark:border-zinc-800/70"
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
              <span className="text-zinc-500 dark:text-zinc-400">?{delivery.query}</span>
            )}
          </span>
          <RelativeTime
            iso={delivery.receivedAt}
            className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
          />
        </span>
        <span className="flex min-w-0 items-center gap-2 pl-[4.5rem] text-xs text-zinc-500 dark:text-zinc-400">
          <span className="min-w-0 truncate">{delivery.contentType ?? "no content type"}</span>
          <span aria-hidden="true">·</span>
          <span className="shrink-0 tabular-nums">{formatByteSize({ bytes: delivery.size })}</span>
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
