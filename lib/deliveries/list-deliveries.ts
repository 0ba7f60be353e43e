import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { summarySelect } from "@/lib/deliveries/summary-select";
import { toDeliverySummary } from "@/lib/deliveries/to-delivery-summary";
import { getDb } from "@/lib/db";
import { hasFilter, type DeliveryFilter } from "@/lib/deliveries/delivery-filter";
import { findFilteredDeliveryIds } from "@/lib/deliveries/find-filtered-delivery-ids";

export interface ListDeliveriesOptions {
  binId: string;
  limit: number;
  /** Return deliveries older than this cursor (a delivery id; ids are time-ordered UUIDv7). */
  before?: string;
  /** Return deliveries newer than this cursor, oldest first (live catch-up). */
  after?: string;
  filter?: DeliveryFilter;
}

/** A page of stored summaries, before decorateDeliveries adds verdicts and attempts. */
export interface SummaryPage {
  deliveries: DeliverySummary[];
  nextCursor: string | null;
}

export async function listDeliveries({
  binId,
  limit,
  before,
  after,
  filter,
}: ListDeliveriesOptions): Promise<SummaryPage> {
  if (after !== undefined) {
    const rows = await getDb().delivery.findMany({
      where: { binId, id: { gt: after } },
      orderBy: { id: "asc" },
      take: limit,
      select: summarySelect,
    });
    return { deliveries: rows.map(toDeliverySummary), nextCursor: null };
  }
  const ids = hasFilter(filter)
    ? await findFilteredDeliveryIds({ binId, filter, limit: limit + 1, before })
    : null;
  const rows = await getDb().delivery.findMany({
    where: { binId, ...(ids ? { id: { in: ids } } : before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: summarySelect,
  });
  const page = rows.slice(0, limit);
  return {
    deliveries: page.map(toDeliverySummary),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
