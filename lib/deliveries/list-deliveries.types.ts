import { z } from "zod";
import { deliveryFilterSchema } from "@/lib/deliveries/delivery-filter";
import { deliveryIdSchema } from "@/lib/ids/delivery-id-schema";
import { listedDeliverySchema } from "@/lib/deliveries/delivery-summary";

// GET /api/bins/<id>/deliveries

/** Paging; the filters (lib/deliveries/delivery-filter.ts) come on top. */
export const listDeliveriesPagingSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "Page size." }),
  before: z
    .guid({ message: "before must be a delivery cursor" })
    .optional()
    .meta({ description: "Cursor: the previous page's nextCursor (a delivery id)." }),
});

/** Every query parameter of the list, as documented. */
export const listDeliveriesQuerySchema = listDeliveriesPagingSchema.extend(
  deliveryFilterSchema.shape,
);

export const deliveryPageSchema = z.object({
  deliveries: z.array(listedDeliverySchema).meta({ description: "Newest first." }),
  nextCursor: deliveryIdSchema.nullable().meta({
    description: "Pass as `before` for the next (older) page; null on the last page.",
  }),
});

export type DeliveryPage = z.infer<typeof deliveryPageSchema>;
