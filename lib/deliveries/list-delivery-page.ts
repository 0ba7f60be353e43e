import { attachSignatures } from "@/lib/deliveries/attach-signatures";
import { listDeliveries, type ListDeliveriesOptions } from "@/lib/deliveries/list-deliveries";

/** A page of summaries as the API and the view show them: with signature verdicts. */
export async function listDeliveryPage(options: ListDeliveriesOptions) {
  const page = await listDeliveries(options);
  const deliveries = await attachSignatures({
    binId: options.binId,
    deliveries: page.deliveries,
    revealOwnerDetail: false,
  });
  return { deliveries, nextCursor: page.nextCursor };
}
