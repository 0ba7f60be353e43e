import { z } from "zod";
import {
  chaosSchema,
  failFirstSchema,
  storedResponseRulesSchema,
  respondTimeoutMsSchema,
  storedResponseSettingsSchema,
  summaryFieldSchema,
  type SimulationSettings,
} from "@/lib/bins/bin-settings-schema";

const storedSchema = z.object({
  response: storedResponseSettingsSchema.nullable().catch(null).default(null),
  failFirst: failFirstSchema.nullable().catch(null).default(null),
  summaryField: summaryFieldSchema.nullable().catch(null).default(null),
  rules: storedResponseRulesSchema.catch([]).default([]),
  chaos: chaosSchema.nullable().catch(null).default(null),
  gone: z.boolean().catch(false).default(false),
  respondTimeoutMs: respondTimeoutMsSchema.nullable().catch(null).default(null),
});

/** Reads bins.settings defensively: anything unexpected falls back to the default behaviour. */
export function parseStoredSettings(value: unknown): Required<SimulationSettings> {
  const parsed = storedSchema.safeParse(value ?? {});
  return parsed.success
    ? parsed.data
    : {
        response: null,
        failFirst: null,
        summaryField: null,
        rules: [],
        chaos: null,
        gone: false,
        respondTimeoutMs: null,
      };
}
