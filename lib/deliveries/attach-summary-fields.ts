import { getSettingsCache } from "@/lib/bins/get-settings-cache";
import type { DeliveriesOfBin } from "@/lib/deliveries/deliveries-of-bin";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { getReadDb } from "@/lib/db";
import { readSummaryField } from "@/lib/payload/read-summary-field";

// Bodies read for a page of rows stay small: larger bodies show no summary value, and a page
// reads at most MAX_PAGE_BYTES of bodies whatever its size (rows past it show none).
const MAX_SUMMARY_BODY_BYTES = 64 * 1024;
const MAX_PAGE_BYTES = 1024 * 1024;

export type WithSummaryField<T> = T & { summaryField: { path: string; value: string } | null };

/**
 * The bin's summaryField (owner setting) for each JSON row that is not an analysis. Costs
 * nothing unless the setting is on; then one query for the page's small JSON bodies.
 */
export async function attachSummaryFields<T extends DeliverySummary>({
  binId,
  deliveries,
  readFrom = "primary",
}: DeliveriesOfBin<T>): Promise<Array<WithSummaryField<T>>> {
  const path = deliveries.length === 0 ? null : (await getSettingsCache().get(binId)).summaryField;
  const ids: string[] = [];
  let bytes = 0;
  for (const delivery of path ? deliveries : []) {
    if (
      delivery.analysisId !== null ||
      delivery.size === 0 ||
      delivery.size > MAX_SUMMARY_BODY_BYTES ||
      !(delivery.contentType ?? "").toLowerCase().includes("json")
    )
      continue;
    bytes += delivery.size;
    if (bytes > MAX_PAGE_BYTES) break;
    ids.push(delivery.id);
  }
  const values = new Map<string, string>();
  if (path && ids.length > 0) {
    const rows = await getReadDb({ readFrom }).delivery.findMany({
      where: { binId, id: { in: ids } },
      select: { id: true, body: true },
    });
    for (const row of rows) {
      const value = readSummaryField({ body: row.body, path });
      if (value !== null) values.set(row.id, value);
    }
  }
  return deliveries.map((delivery) => {
    const value = values.get(delivery.id);
    return { ...delivery, summaryField: path && value !== undefined ? { path, value } : null };
  });
}
