import { chooseReadSource } from "@/lib/deliveries/choose-read-source";
import { decorateDeliveries } from "@/lib/deliveries/decorate-deliveries";
import { listDeliveries, type ListDeliveriesOptions } from "@/lib/deliveries/list-deliveries";
import type { DeliveryPage } from "@/lib/deliveries/list-deliveries.types";

/**
 * A page of summaries as the API and the view show them, from a read replica when there are
 * any: a page a moment behind is fine, since the view's live stream (on the primary) replays
 * from the newest row it shows.
 */
export async function listDeliveryPage(
  options: Omit<ListDeliveriesOptions, "readFrom">,
): Promise<DeliveryPage> {
  const readFrom = chooseReadSource({ filter: options.filter, readFrom: "replica" });
  const page = await listDeliveries({ ...options, readFrom });
  const deliveries = await decorateDeliveries({
    binId: options.binId,
    deliveries: page.deliveries,
    readFrom,
  });
  return { deliveries, nextCursor: page.nextCursor };
}
