import { z } from "zod";
import { binIdSchema } from "@/lib/ids/bin-id-schema";
import { deliveryIdSchema } from "@/lib/ids/delivery-id-schema";

// GET /api/bins/<id>/events (Server-Sent Events)

/** Where to resume; anything that is not a delivery id starts fresh (never a 400). */
export const binEventsQuerySchema = z.object({
  lastEventId: deliveryIdSchema
    .optional()
    .meta({ description: "The same for a first connection, where a header cannot be set." }),
  respond: z.literal("1").optional().meta({
    description:
      "`webhook-echo forward --respond` (owner token required: 401/403): while this stream is open, captures to the bin wait (the bin's respondTimeoutMs) for the answer posted to POST .../deliveries/{deliveryId}/response; when it ends they get the bin's own answer at once.",
  }),
});

/** data of `event: ready` (sent first on every connection) and of `event: bin-changed`. */
export const liveReadyEventSchema = z.object({ binId: binIdSchema }).meta({
  description:
    "data of `event: ready` (sent first on every connection) and of `event: bin-changed`.",
});
