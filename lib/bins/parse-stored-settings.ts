import { z } from "zod";
import {
  failFirstSchema,
  respondTimeoutMsSchema,
  storedResponseSettingsSchema,
  type SimulationSettings,
} from "@/lib/bins/bin-settings-schema";

const storedSchema = z.object({
  response: storedResponseSettingsSchema.nullable().catch(null).default(null),
  failFirst: failFirstSchema.nullable().catch(null).default(null),
  respondTimeoutMs: respondTimeoutMsSchema.nullable().catch(null).default(null),
});

/** Reads bins.settings defensively: anything unexpected falls back to the default behaviour. */
export function parseStoredSettings(value: unknown): SimulationSettings {
  const parsed = storedSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { response: null, failFirst: null, respondTimeoutMs: null };
}
