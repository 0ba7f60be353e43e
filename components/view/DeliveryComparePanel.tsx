"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { DeliveryDiffSection } from "@/components/view/DeliveryDiffSection";
import type { ListedDelivery } from "@/components/view/listed-delivery";
import { readCachedDeliveries } from "@/components/view/read-cached-deliveries";
import { useBaseline } from "@/components/view/use-baseline";
import { formatByteSize } from "@/lib/payload/format-byte-size";

// The picker offers the newest loaded deliveries; older ones are a "Load older" away.
const MAX_CHOICES = 50;

const BUTTON =
  "rounded-md border border-zinc-300 px-2.5 py-1 text-[13px] font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";

const describe = (delivery: ListedDelivery) =>
  `${delivery.method} ${delivery.path === "" ? "/" : delivery.path} · ${formatByteSize({ bytes: delivery.size })} · ${new Date(delivery.receivedAt).toLocaleTimeString()} · ${delivery.id.slice(-8)}`;

/**
 * The top of a delivery's detail: pin it as the bin's baseline (or unpin), compare it with
 * another delivery of the bin, and, when another delivery is the baseline, how this one
 * differs from it. Diffs read "from the other delivery to this one".
 */
export function DeliveryComparePanel({ binId, deliveryId }: { binId: string; deliveryId: string }) {
  const queryClient = useQueryClient();
  const { baselineId, pin, clear } = useBaseline({ binId });
  const [picking, setPicking] = useState(false);
  const [compareId, setCompareId] = useState<string | null>(null);
  const selectId = useId();
  // Read when the panel renders (a new selection, opening the picker): no request of its own.
  const deliveries = readCachedDeliveries({ queryClient, binId });
  const isBaseline = baselineId === deliveryId;
  const index = deliveries.findIndex((delivery) => delivery.id === deliveryId);
  const previous = index >= 0 ? deliveries[index + 1] : undefined;
  const choices = deliveries.filter((delivery) => delivery.id !== deliveryId).slice(0, MAX_CHOICES);
  const compareWith = (id: string) => {
    setCompareId(id);
    setPicking(false);
  };

  return (
    <div data-testid="compare-panel" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {isBaseline ? (
          <button type="button" onClick={clear} className={BUTTON}>
            Unpin baseline
          </button>
        ) : (
          <button type="button" onClick={() => pin(deliveryId)} className={BUTTON}>
            Pin as baseline
          </button>
        )}
        {baselineId !== null && !isBaseline && (
          <button type="button" onClick={clear} className={BUTTON}>
            Clear baseline
          </button>
        )}
        <button
          type="button"
          onClick={() => setPicking((open) => !open)}
          aria-expanded={picking}
          aria-controls={picking ? selectId : undefined}
          disabled={choices.length === 0}
          className={`${BUTTON} disabled:opacity-50`}
        >
          Compare with…
        </button>
        {isBaseline && (
          <span className="text-xs text-sky-700 dark:text-sky-400">
            This delivery is the baseline: new deliveries show how they differ from it.
          </span>
        )}
      </div>
      {picking && (
        <div className="flex flex-wrap items-center gap-2">
          {previous && (
            <button type="button" onClick={() => compareWith(previous.id)} className={BUTTON}>
              Previous delivery
            </button>
          )}
          <label htmlFor={selectId} className="text-[13px] text-zinc-600 dark:text-zinc-300">
            Compare with
          </label>
          <select
            id={selectId}
            value=""
            onChange={(event) => event.target.value && compareWith(event.target.value)}
            className="max-w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-[13px] dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="">Choose a delivery…</option>
            {choices.map((delivery) => (
              <option key={delivery.id} value={delivery.id}>
                {describe(delivery)}
              </option>
            ))}
          </select>
        </div>
      )}
      {compareId !== null && (
        <DeliveryDiffSection
          testId="compare-diff"
          binId={binId}
          deliveryId={compareId}
          againstId={deliveryId}
          title={`Compared with delivery …${compareId.slice(-8)}`}
          action={
            <button type="button" onClick={() => setCompareId(null)} className={BUTTON}>
              Close comparison
            </button>
          }
        />
      )}
      {baselineId !== null && !isBaseline && (
        <DeliveryDiffSection
          testId="baseline-diff"
          binId={binId}
          deliveryId={baselineId}
          againstId={deliveryId}
          title={`Differences from the baseline …${baselineId.slice(-8)}`}
        />
      )}
    </div>
  );
}
