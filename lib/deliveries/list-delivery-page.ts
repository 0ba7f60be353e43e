import { decorateDeliveries } from "@/lib/deliveries/decorate-deliveries";
import { listDeliveries, type ListDeliveriesOptions } from "@/lib/deliveries/list-deliveries";
import type { DeliveryPage } from "@/lib/deliveries/list-deliveries.types";

/** A page of summaries as the API and the view show them. */
export async function listDeliveryPage(options: ListDeliveriesOptions): Promise<DeliveryPage> {
  const page = await listDeliveries(options);
  const deliveries = await decorateDeliveries({
    binId: options.binId,
    deliveries: page.deliveries,
  });
  return { deliveries, nextCursor: page.nextCursor };
}
