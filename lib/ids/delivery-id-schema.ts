import { z } from "zod";

/**
 * Delivery ids: UUIDv7, so they sort by arrival time (the list cursor, Last-Event-ID). Any
 * 8-4-4-4-12 hex string is accepted as input; an id that was never issued is simply not found.
 */
export const deliveryIdSchema = z.guid().meta({
  description: "UUIDv7: ids sort by arrival time (the list cursor).",
});

export function isDeliveryId(value: string): boolean {
  return deliveryIdSchema.safeParse(value).success;
}
