import { z } from "zod";

/**
 * The echo endpoint's own answer to a simulated failure (fail-first, gone, chaos, a rule, or /status/<4xx|5xx>):
 * never the {"received":true} receipt, which a sender's client would read as success.
 */
export const simulatedFailureSchema = z
  .object({
    error: z.literal("simulated_failure"),
    simulated: z.literal(true),
    status: z.number().int().min(400).max(599),
    reason: z.enum(["fail-first", "status-path", "settings", "gone", "chaos", "rule"]),
    attempt: z.number().int().min(1).optional(),
    rule: z.number().int().min(1).optional(),
    message: z.string(),
    deliveryId: z.string(),
  })
  .meta({
    description:
      "The default answer when the bin simulates a failure status: says it is simulated (the delivery was stored all the same).",
  });

export type SimulatedFailure = z.infer<typeof simulatedFailureSchema>;
