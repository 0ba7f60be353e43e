import { attachRetryInfo } from "@/lib/deliveries/attach-retry-info";
import { attachSignatures } from "@/lib/deliveries/attach-signatures";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { judgeConformance } from "@/lib/deliveries/judge-conformance";

/** Summaries as every reader sees them (list API, live events, view): verdicts and attempts. */
export async function decorateDeliveries<T extends DeliverySummary>({
  binId,
  deliveries,
}: {
  binId: string;
  deliveries: T[];
}) {
  const [withSignatures, conformance] = await Promise.all([
    attachSignatures({ binId, deliveries }),
    judgeConformance({ binId, ids: deliveries.map((delivery) => delivery.id) }),
  ]);
  const withConformance = withSignatures.map((delivery) => ({
    ...delivery,
    conformance: conformance.get(delivery.id) ?? null,
  }));
  return attachRetryInfo({ binId, deliveries: withConformance });
}
