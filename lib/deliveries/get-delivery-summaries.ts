import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { summarySelect } from "@/lib/deliveries/summary-select";
import { toDeliverySummary } from "@/lib/deliveries/to-delivery-summary";
import { getDb } from "@/lib/db";

/** Summaries of specific deliveries of a bin (ids from live notifications), oldest first. */
export async function getDeliverySummaries({
  binId,
  ids,
}: {
  binId: string;
  ids: string[];
}): Promise<DeliverySummary[]> {
  if (ids.length === 0) return [];
  const rows = await getDb().delivery.findMany({
    where: { binId, id: { in: ids } },
    orderBy: { id: "asc" },
    select: summarySelect,
  });
  return rows.map(toDeliverySummary);
}
