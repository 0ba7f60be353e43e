import { z } from "zod";
import { deliveryFilterSchema } from "@/lib/deliveries/delivery-filter";
import { listedDeliverySchema } from "@/lib/deliveries/delivery-summary";
import { deliveryIdSchema } from "@/lib/ids/delivery-id-schema";

// GET /api/bins/<id>/deliveries/wait (long poll)

/** The wait's own parameters; the list's filters (lib/deliveries/delivery-filter.ts) come on top. */
export const waitForDeliveryControlSchema = z.object({
  after: z
    .union([z.literal("now"), deliveryIdSchema])
    .default("now")
    .meta({
      description:
        'A delivery id: answer with the first match received after it, even one that arrived before this call (send, then wait: no race). "now" (the default): ignore every delivery already there.',
      examples: ["now"],
    }),
  timeout: z.coerce
    .number()
    .min(1)
    .max(60)
    .default(30)
    .meta({ description: "Seconds to wait (1-60) before answering 204.", examples: [30] }),
});

/** Every query parameter of the wait, as documented; any other parameter is refused (400). */
export const waitForDeliveryQuerySchema = waitForDeliveryControlSchema.extend(
  deliveryFilterSchema.shape,
);

export const deliveryWaitedSchema = z
  .object({ delivery: listedDeliverySchema })
  .meta({ description: "The first matching delivery (the same summary the list returns)." });

export type DeliveryWaited = z.infer<typeof deliveryWaitedSchema>;
