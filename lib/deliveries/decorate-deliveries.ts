import { attachRetryInfo } from "@/lib/deliveries/attach-retry-info";
import { attachSignatures } from "@/lib/deliveries/attach-signatures";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";

/** Summaries as every reader sees them (list API, live events, view): verdicts and attempts. */
export async function decorateDeliveries<T extends DeliverySummary>({
  binId,
  deliveries,
  revealOwnerDetail = false,
}: {
  binId: string;
  deliveries: T[];
  revealOwnerDetail?: boolean;
}) {
  const withSignatures = await attachSignatures({ binId, deliveries, revealOwnerDetail });
  return attachRetryInfo({ binId, deliveries: withSignatures });
}
