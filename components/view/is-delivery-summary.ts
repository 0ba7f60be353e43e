import type { ListedDelivery } from "@/components/view/listed-delivery";
import { listedDeliverySchema } from "@/lib/deliveries/delivery-summary";

/** Shape check for summaries arriving over the wire (SSE, paging): the server's own schema. */
export function isDeliverySummary(value: unknown): value is ListedDelivery {
  return listedDeliverySchema.safeParse(value).success;
}
