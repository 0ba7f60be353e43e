import { z } from "zod";

import { checkResponseHeaders } from "@/lib/payload/check-response-headers";

const responseSettingsShape = {
  // 1xx are interim answers, not a final response a sender could observe: 200–599 only.
  status: z.number().int().min(200).max(599).optional(),
  /** Extra answer headers; the rules (and their limits) are lib/payload/check-response-headers.ts. */
  headers: z.record(z.string(), z.string()).optional(),
  body: z
    .string()
    .max(64 * 1024)
    .optional(),
  contentType: z.string().optional(),
  // Up to 120 s so a sender's 30 s timeout can be triggered on purpose.
  delayMs: z.number().int().min(0).max(120_000).optional(),
};

/**
 * What an owner may save: every header rule is checked here (400 naming the header), and a
 * Content-Type given among the headers is stored as `contentType`, so one goes on the wire.
 */
export const responseSettingsSchema = z
  .strictObject(responseSettingsShape)
  .superRefine((settings, ctx) => {
    const { refused } = checkResponseHeaders(settings);
    for (const { setting, name, reason } of refused) {
      ctx.addIssue({
        code: "custom",
        path: setting === "headers" ? ["headers", name] : ["contentType"],
        message: `${name} cannot be set: ${reason}`,
      });
    }
  })
  .transform(({ headers, contentType, ...rest }) => {
    const checked = checkResponseHeaders({ headers, contentType });
    return {
      ...rest,
      ...(Object.keys(checked.headers).length > 0 ? { headers: checked.headers } : {}),
      ...(checked.contentType !== null ? { contentType: checked.contentType } : {}),
    };
  });

/**
 * Reading bins.settings back: only the shape is checked. The header rules are applied again
 * when answering (lib/capture/plan-response.ts), so a row saved before a rule existed keeps its
 * status and body, and only the offending headers are dropped.
 */
export const storedResponseSettingsSchema = z.object(responseSettingsShape);

export const failFirstSchema = z.strictObject({
  count: z.number().int().min(0).max(20),
  status: z.number().int().min(400).max(599).default(503),
});

/** PUT /api/bins/<id>/settings: every key optional; null removes; unknown keys are refused. */
export const binSettingsSchema = z.strictObject({
  webhookSecret: z
    .string()
    .min(1, "webhookSecret must not be empty (use null to remove it)")
    .max(1024)
    .nullable()
    .optional(),
  response: responseSettingsSchema.nullable().optional(),
  failFirst: failFirstSchema.nullable().optional(),
});

export type BinSettingsInput = z.infer<typeof binSettingsSchema>;
export type ResponseSettings = z.infer<typeof storedResponseSettingsSchema>;
export type FailFirstSettings = z.infer<typeof failFirstSchema>;

/** What is stored in bins.settings and shown to everyone (read-only for viewers). */
export interface SimulationSettings {
  response: ResponseSettings | null;
  failFirst: FailFirstSettings | null;
}
