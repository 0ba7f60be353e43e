import { groupRetries } from "@/lib/analysis/group-retries";
import type { DeliveriesOfBin } from "@/lib/deliveries/deliveries-of-bin";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { getReadDb } from "@/lib/db";

export type WithRetryInfo<T> = T & { attempt: number; isDuplicate: boolean };

/**
 * Numbers deliveries of the same analysis within the bin (attempt 1 = first delivery of that
 * analysis id) and flags duplicates (sent again after one was answered 2xx). Reads only the
 * small columns of the analyses on this page.
 */
export async function attachRetryInfo<T extends DeliverySummary>({
  binId,
  deliveries,
  readFrom = "primary",
}: DeliveriesOfBin<T>): Promise<Array<WithRetryInfo<T>>> {
  const analysisIds = [...new Set(deliveries.flatMap((d) => (d.analysisId ? [d.analysisId] : [])))];
  const related =
    analysisIds.length === 0
      ? []
      : await getReadDb({ readFrom }).delivery.findMany({
          where: { binId, analysisId: { in: analysisIds } },
          select: { id: true, analysisId: true, receivedAt: true, responseStatus: true },
        });
  const info = groupRetries({ deliveries: related });
  return deliveries.map((delivery) => {
    const retry = info.get(delivery.id);
    return { ...delivery, attempt: retry?.attempt ?? 1, isDuplicate: retry?.isDuplicate ?? false };
  });
}
