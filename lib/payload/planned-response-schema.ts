import { z } from "zod";

/** The answer the echo endpoint sent for a delivery, as capture planned it (stored per row). */
export const plannedResponseSchema = z
  .object({
    status: z.number().int(),
    headers: z.record(z.string(), z.string()),
    body: z.string().nullable().meta({
      description:
        'null: the default answer, {"received":true,...} or for a 4xx/5xx a SimulatedFailure.',
    }),
    contentType: z.string().nullable(),
    delayMs: z.number().int().min(0),
    /** Why this answer: shown in the delivery's detail. */
    reason: z.enum(["default", "settings", "status-path", "fail-first", "gone", "chaos", "rule"]),
    rule: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: "For rule: which rule answered (1 = the first in settings.rules)." }),
    attempt: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: "For fail-first: which attempt." }),
  })
  .meta({ description: "The answer the echo endpoint sent, and why." });

/** What capture planned to answer (stored with the delivery). */
export type PlannedResponse = z.infer<typeof plannedResponseSchema>;
