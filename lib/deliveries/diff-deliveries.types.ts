import { z } from "zod";
import { bodyDiffSchema, headerChangeSchema } from "@/lib/diff/delivery-diff-schema";
import { deliveryIdSchema } from "@/lib/ids/delivery-id-schema";

// GET /api/bins/<id>/deliveries/<deliveryId>/diff?against=<otherId>

export const diffDeliveriesQuerySchema = z.object({
  against: deliveryIdSchema.meta({
    description:
      "The delivery to compare with (same bin). Changes read from the delivery in the path (before) to this one (after).",
  }),
});

export const deliveryDiffSchema = z
  .object({
    headers: z
      .array(headerChangeSchema)
      .meta({ description: "Headers that differ; empty when none." }),
    body: bodyDiffSchema,
  })
  .meta({ description: "How two deliveries of one bin differ: headers and body." });

export type DiffDeliveriesQuery = z.infer<typeof diffDeliveriesQuerySchema>;
export type DeliveryDiff = z.infer<typeof deliveryDiffSchema>;
