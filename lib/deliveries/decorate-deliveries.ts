import { attachRetryInfo } from "@/lib/deliveries/attach-retry-info";
import { attachSignatures } from "@/lib/deliveries/attach-signatures";
import { attachSummaryFields } from "@/lib/deliveries/attach-summary-fields";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";

/**
 * Summaries as every reader sees them (list API, live events, view): verdicts, attempts and
 * the bin's summary field.
 */
export async function decorateDeliveries<T extends DeliverySummary>({
  binId,
  deliveries,
}: {
  binId: string;
  deliveries: T[];
}) {
  const withSignatures = await attachSignatures({ binId, deliveries });
  const withRetries = await attachRetryInfo({ binId, deliveries: withSignatures });
  return attachSummaryFields({ binId, deliveries: withRetries });
}
