import { z } from "zod";
import { binIdSchema } from "@/lib/ids/bin-id-schema";
import { binSettingsStateSchema } from "@/lib/bins/update-bin-settings.types";

/** What anyone holding a view link may learn about a bin (never its token or secret). */
export const publicBinSchema = z.object({
  id: binIdSchema,
  createdAt: z.iso.datetime({ offset: true }),
  lastDeliveryAt: z.iso.datetime({ offset: true }).nullable(),
  deliveryCount: z.number().int().min(0),
  hasOwner: z.boolean(),
  ...binSettingsStateSchema.shape,
  forwardResponding: z.boolean().meta({
    description:
      "A `webhook-echo forward --respond` is connected (to any instance): captures wait for the local app's answer.",
  }),
  rejectedCount: z.number().int().min(0).meta({ description: "Deliveries refused with 429." }),
  limits: z.object({
    retentionDays: z.number(),
    maxDeliveriesPerBin: z.number().int(),
    maxBodyBytes: z.number().int(),
  }),
});

export type PublicBin = z.infer<typeof publicBinSchema>;
