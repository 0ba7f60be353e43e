import { z } from "zod";
import {
  chaosSchema,
  failFirstSchema,
  respondTimeoutMsSchema,
  storedResponseRulesSchema,
  storedResponseSettingsSchema,
  summaryFieldSchema,
} from "@/lib/bins/bin-settings-schema";
import { storedJsonSchemaShape } from "@/lib/bins/json-schema-setting-schema";

// PUT /api/bins/<id>/settings: the input is binSettingsSchema (lib/bins/bin-settings-schema.ts).

/** The settings now in force, as the owner's view keeps them (and a public bin shows them). */
export const binSettingsStateSchema = z.object({
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
});

export type BinSettingsState = z.infer<typeof binSettingsStateSchema>;
