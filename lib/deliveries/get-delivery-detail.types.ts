import { z } from "zod";
import { retryTimelineRowSchema } from "@/lib/analysis/retry-timeline-row-schema";
import { plannedResponseSchema } from "@/lib/payload/planned-response-schema";
import { conformanceDetailSchema } from "@/lib/conformance/conformance-schema";
import {
  deliveryDecorationsShape,
  deliverySummarySchema,
  headerPairsSchema,
} from "@/lib/deliveries/delivery-summary";

// GET /api/bins/<id>/deliveries/<deliveryId>

/** One delivery in full: headers, body, the answer sent and the retry timeline. */
export const deliveryDetailSchema = deliverySummarySchema
  .extend(deliveryDecorationsShape)
  .extend({
    headers: headerPairsSchema,
    bodyBase64: z.string().meta({ contentEncoding: "base64", description: "The exact bytes." }),
    bodyText: z.string().nullable().meta({ description: "The body when it is valid UTF-8." }),
    response: plannedResponseSchema.nullable(),
    retryTimeline: z.array(retryTimelineRowSchema).meta({
      description: "Every delivery of the same analysis in this bin; empty without one.",
    }),
    conformance: conformanceDetailSchema,
  })
  .meta({
    description: "One delivery in full: headers, body, the answer sent and the retry timeline.",
  });

export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;
