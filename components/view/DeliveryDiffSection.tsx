"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DeliveryDiffView } from "@/components/view/DeliveryDiffView";
import { deliveryDiffQuery } from "@/components/view/delivery-diff-query";

/** A titled diff of `againstId` against `deliveryId`, with its loading and error states. */
export function DeliveryDiffSection({
  binId,
  deliveryId,
  againstId,
  title,
  action,
  testId,
}: {
  binId: string;
  deliveryId: string;
  againstId: string;
  title: string;
  action?: ReactNode;
  testId: string;
}) {
  const query = useQuery(deliveryDiffQuery({ binId, deliveryId, againstId }));
  return (
    <section
      data-testid={testId}
      aria-label={title}
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {title}
        </h3>
        {action}
      </div>
      {query.data ? (
        <DeliveryDiffView diff={query.data} />
      ) : query.isError ? (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {query.error.message}
        </p>
      ) : (
        <p aria-busy="true" className="text-sm text-zinc-500">
          Comparing…
        </p>
      )}
    </section>
  );
}
