import { z } from "zod";
import { binIdSchema } from "@/lib/ids/bin-id-schema";
import {
  chaosSchema,
  failFirstSchema,
  respondTimeoutMsSchema,
  storedResponseRulesSchema,
  storedResponseSettingsSchema,
  summaryFieldSchema,
} from "@/lib/bins/bin-settings-schema";
import { storedJsonSchemaShape } from "@/lib/bins/json-schema-setting-schema";

/** What anyone holding a view link may learn about a bin (never its token or secret). */
export const publicBinSchema = z.object({
  id: binIdSchema,
  createdAt: z.iso.datetime({ offset: true }),
  lastDeliveryAt: z.iso.datetime({ offset: true }).nullable(),
  deliveryCount: z.number().int().min(0),
  hasOwner: z.boolean(),
  /** The secret itself is never returned. */
  hasSecret: z.boolean().meta({ description: "Whether a webhook secret is set." }),
  response: storedResponseSettingsSchema.nullable(),
  failFirst: failFirstSchema.nullable(),
  ...storedJsonSchemaShape,
  summaryField: summaryFieldSchema.nullable().optional(),
  rules: storedResponseRulesSchema,
  chaos: chaosSchema.nullable(),
  gone: z.boolean(),
  respondTimeoutMs: respondTimeoutMsSchema.nullable().optional(),
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
