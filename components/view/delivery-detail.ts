import type { z } from "zod";
import type { retryTimelineRowSchema } from "@/lib/analysis/retry-timeline-row-schema";
import type { plannedResponseSchema } from "@/lib/payload/planned-response-schema";
import {
  deliveryDetailSchema,
  type DeliveryDetail,
} from "@/lib/deliveries/get-delivery-detail.types";

// The browser's view of GET /api/bins/<id>/deliveries/<deliveryId>, from the server's schemas.

/** One row of GET /api/bins/<id>/deliveries/<did> → retryTimeline. */
export type TimelineEntry = z.infer<typeof retryTimelineRowSchema>;

/** The answer our echo endpoint sent for a delivery, as capture planned it. */
export type SentResponse = z.infer<typeof plannedResponseSchema>;

/** Shape check for a detail answer arriving over the wire. */
export function isDeliveryDetail(value: unknown): value is DeliveryDetail {
  return deliveryDetailSchema.safeParse(value).success;
}
