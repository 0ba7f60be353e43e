import { attachRetryInfo } from "@/lib/deliveries/attach-retry-info";
import { attachSignatures } from "@/lib/deliveries/attach-signatures";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";

/** Summaries as every reader sees them (list API, live events, view): verdicts and attempts. */
export async function decorateDeliveries<T extends DeliverySummary>({
  binId,
  deliveries,
}: {
  binId: string;
  deliveries: T[];
}) {
  const withSignatures = await attachSignatures({ binId, deliveries });
  return attachRetryInfo({ binId, deliveries: withSignatures });
}
