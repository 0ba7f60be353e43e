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
    reason: z.enum([
      "default",
      "settings",
      "status-path",
      "fail-first",
      "gone",
      "chaos",
      "rule",
      // `forward --respond`: held for the local app's answer, then one of the others.
      "forward_pending",
      "forwarded",
      "forward_timeout",
      "forward_failed",
      "forward_busy",
      "forward_disconnected",
    ]),
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
    bodyBase64: z.string().optional().meta({
      description:
        "For forwarded: the exact bytes the local app answered (base64); `body` holds their UTF-8 text.",
    }),
    forwardMessage: z.string().optional().meta({
      description:
        "For forward_*: what the forwarder reported or why its answer was not used (the bin's own answer was sent).",
    }),
  })
  .meta({ description: "The answer the echo endpoint sent, and why." });

/** What capture planned to answer (stored with the delivery). */
export type PlannedResponse = z.infer<typeof plannedResponseSchema>;
