import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { summarySelect } from "@/lib/deliveries/summary-select";
import { toDeliverySummary } from "@/lib/deliveries/to-delivery-summary";
import { getReadDb, type ReadFrom } from "@/lib/db";
import { chooseReadSource } from "@/lib/deliveries/choose-read-source";
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
  /** "replica" for pages a moment stale may serve; the live catch-up (`after`) reads the primary. */
  readFrom?: ReadFrom;
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
  readFrom = "primary",
}: ListDeliveriesOptions): Promise<SummaryPage> {
  // The ids and the rows come from the same server, or a page could lose rows and its cursor.
  const source = chooseReadSource({ filter, readFrom });
  const db = getReadDb({ readFrom: source });
  if (after !== undefined) {
    const rows = await db.delivery.findMany({
      where: { binId, id: { gt: after } },
      orderBy: { id: "asc" },
      take: limit,
      select: summarySelect,
    });
    return { deliveries: rows.map(toDeliverySummary), nextCursor: null };
  }
  const ids = hasFilter(filter)
    ? await findFilteredDeliveryIds({ binId, filter, limit: limit + 1, before, readFrom: source })
    : null;
  const rows = await db.delivery.findMany({
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
