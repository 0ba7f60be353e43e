import { z } from "zod";

// Headers we never let a simulated response set: framing is ours, and cookies on our origin
// would let one bin's owner plant state in other people's browsers.
const RESERVED_HEADERS = new Set([
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "set-cookie",
  "content-security-policy",
  "x-content-type-options",
  "x-delivery-id",
]);

const headerName = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, "header names must be HTTP tokens")
  .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), "this header cannot be simulated");
const headerValue = z
  .string()
  .max(2000)
  .regex(
    // Tab is allowed; other control characters would break or smuggle the response header.
    // eslint-disable-next-line no-control-regex
    /^[^\u0000-\u0008\u000a-\u001f\u007f]*$/,
    "header values cannot contain control characters",
  );

export const responseSettingsSchema = z.strictObject({
  // 1xx are interim answers, not a final response a sender could observe: 200–599 only.
  status: z.number().int().min(200).max(599).optional(),
  headers: z
    .record(headerName, headerValue)
    .refine((headers) => Object.keys(headers).length <= 50, "at most 50 headers")
    .optional(),
  body: z
    .string()
    .max(64 * 1024)
    .optional(),
  contentType: z
    .string()
    .max(200)
    .regex(/^[^\r\n]*$/)
    .optional(),
  // Up to 120 s so a sender's 30 s timeout can be triggered on purpose.
  delayMs: z.number().int().min(0).max(120_000).optional(),
});

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
export type ResponseSettings = z.infer<typeof responseSettingsSchema>;
export type FailFirstSettings = z.infer<typeof failFirstSchema>;

/** What is stored in bins.settings and shown to everyone (read-only for viewers). */
export interface SimulationSettings {
  response: ResponseSettings | null;
  failFirst: FailFirstSettings | null;
}
