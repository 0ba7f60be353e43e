"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DeliveryDiffView } from "@/components/view/DeliveryDiffView";
import { DetailSection } from "@/components/view/DetailSection";
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
    <div
      role="region"
      data-testid={testId}
      aria-label={title}
      className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <DetailSection title={title} action={action}>
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
      </DetailSection>
    </div>
  );
}
