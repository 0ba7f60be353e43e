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

/** The settings now in force, as the owner's view keeps them. */
export const binSettingsStateSchema = z.object({
  hasSecret: z.boolean(),
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
