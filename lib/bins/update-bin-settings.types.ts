import { z } from "zod";
import {
  failFirstSchema,
  respondTimeoutMsSchema,
  storedResponseSettingsSchema,
} from "@/lib/bins/bin-settings-schema";

// PUT /api/bins/<id>/settings: the input is binSettingsSchema (lib/bins/bin-settings-schema.ts).

/** The settings now in force, as the owner's view keeps them. */
export const binSettingsStateSchema = z.object({
  hasSecret: z.boolean(),
  response: storedResponseSettingsSchema.nullable(),
  failFirst: failFirstSchema.nullable(),
  respondTimeoutMs: respondTimeoutMsSchema.nullable().optional(),
});

export type BinSettingsState = z.infer<typeof binSettingsStateSchema>;
