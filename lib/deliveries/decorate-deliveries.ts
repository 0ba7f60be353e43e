import { attachRetryInfo } from "@/lib/deliveries/attach-retry-info";
import { attachSignatures } from "@/lib/deliveries/attach-signatures";
import { attachSummaryFields } from "@/lib/deliveries/attach-summary-fields";
import type { DeliveriesOfBin } from "@/lib/deliveries/deliveries-of-bin";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { judgeConformance } from "@/lib/deliveries/judge-conformance";
import type { KnownVerdicts } from "@/lib/deliveries/known-verdicts";

/**
 * Summaries as every reader sees them (list API, live events, view): verdicts, attempts and
 * the bin's summary field. Verdicts are read and judged on the primary whatever `readFrom` says
 * (judging writes them back); attempts and summary fields read where the rows were read.
 */
export async function decorateDeliveries<T extends DeliverySummary>({
  binId,
  deliveries,
  readFrom = "primary",
  known,
}: DeliveriesOfBin<T> & { known?: KnownVerdicts }) {
  const [withSignatures, conformance] = await Promise.all([
    attachSignatures({ binId, deliveries, known: known?.signatures }),
    judgeConformance({
      binId,
      ids: deliveries.map((delivery) => delivery.id),
      known: known?.conformance,
    }),
  ]);
  const withConformance = withSignatures.map((delivery) => ({
    ...delivery,
    conformance: conformance.get(delivery.id) ?? null,
  }));
  const withRetries = await attachRetryInfo({ binId, deliveries: withConformance, readFrom });
  return attachSummaryFields({ binId, deliveries: withRetries, readFrom });
}
