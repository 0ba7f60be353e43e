import { z } from "zod";

import { checkResponseHeaders, RESPONSE_HEADER_LIMITS } from "@/lib/payload/check-response-headers";
import {
  REFUSED_RESPONSE_HEADER_PREFIXES,
  REFUSED_RESPONSE_HEADERS,
} from "@/lib/payload/refused-response-headers";

// Written from the rule set itself, so the documentation cannot drift from what is refused.
const RESPONSE_HEADERS_DESCRIPTION = [
  "Extra response headers. Everything /echo/* answers is served from this app's origin, so headers a browser or a proxy in front of the app acts on are refused with a 400 naming the header.",
  `Names are HTTP tokens (at most ${RESPONSE_HEADER_LIMITS.nameLength} characters), case-insensitive, one value each (names differing only in case are a 400).`,
  `Values: visible ASCII, spaces and tabs only, at most ${RESPONSE_HEADER_LIMITS.valueLength} characters; at most ${RESPONSE_HEADER_LIMITS.count} headers and ${RESPONSE_HEADER_LIMITS.totalBytes} bytes together.`,
  "Content-Type is merged into `contentType`.",
  `Refused: ${[...REFUSED_RESPONSE_HEADERS.keys()].join(", ")}; any name starting with ${[...REFUSED_RESPONSE_HEADER_PREFIXES.keys()].map((prefix) => `${prefix}*`).join(", ")}; WWW-Authenticate with a challenge browsers turn into a login prompt (Basic, Digest, NTLM, Negotiate).`,
  "Settings saved before a rule existed are answered without the offending headers.",
].join(" ");

// The header rules are checked by checkResponseHeaders (one 400 naming the header); these
// JSON Schema keywords only document the same limits.
const VISIBLE_ASCII = "^[\\t\\x20-\\x7E]*$";

const responseSettingsShape = {
  // 1xx are interim answers, not a final response a sender could observe: 200–599 only.
  status: z.number().int().min(200).max(599).optional(),
  /** Extra answer headers; the rules (and their limits) are lib/payload/check-response-headers.ts. */
  headers: z
    .record(
      z.string(),
      z.string().meta({ maxLength: RESPONSE_HEADER_LIMITS.valueLength, pattern: VISIBLE_ASCII }),
    )
    .optional()
    .meta({
      maxProperties: RESPONSE_HEADER_LIMITS.count,
      description: RESPONSE_HEADERS_DESCRIPTION,
    }),
  body: z
    .string()
    .max(64 * 1024)
    .optional(),
  contentType: z.string().optional().meta({
    maxLength: RESPONSE_HEADER_LIMITS.contentTypeLength,
    pattern: VISIBLE_ASCII,
    description:
      "Content-Type of a custom body. A Content-Type given among `headers` (any case) is stored here instead, so one goes on the wire; both with different values is a 400.",
  }),
  // Up to 120 s so a sender's 30 s timeout can be triggered on purpose.
  delayMs: z.number().int().min(0).max(120_000).optional().meta({
    description: "Answer after this delay (up to 120 s, to trigger a sender's timeout).",
  }),
};

const RESPONSE_SETTINGS_DESCRIPTION =
  "What the echo endpoint answers instead of the default 200 JSON.";

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
  })
  .meta({ description: RESPONSE_SETTINGS_DESCRIPTION });

/**
 * Reading bins.settings back: only the shape is checked. The header rules are applied again
 * when answering (lib/capture/plan-response.ts), so a row saved before a rule existed keeps its
 * status and body, and only the offending headers are dropped.
 */
export const storedResponseSettingsSchema = z
  .object(responseSettingsShape)
  .meta({ description: RESPONSE_SETTINGS_DESCRIPTION });

export const failFirstSchema = z
  .strictObject({
    count: z.number().int().min(0).max(20),
    status: z.number().int().min(400).max(599).default(503),
  })
  .meta({
    description:
      "Retry testing: the first `count` deliveries of each analysis (or identical body) are answered `status`.",
  });

/** Bounded under CallCov's 30 s timeout, so a held capture always answers before the sender gives up. */
export const RESPOND_TIMEOUT_MS = { default: 25_000, min: 100, max: 29_000 } as const;

export const respondTimeoutMsSchema = z
  .number()
  .int()
  .min(RESPOND_TIMEOUT_MS.min)
  .max(RESPOND_TIMEOUT_MS.max)
  .meta({
    description: `\`forward --respond\`: how long a capture waits for the local app's answer before the bin's own answer is sent (default ${RESPOND_TIMEOUT_MS.default} ms).`,
  });

/** PUT /api/bins/<id>/settings: every key optional; null removes; unknown keys are refused. */
export const binSettingsSchema = z
  .strictObject({
    webhookSecret: z
      .string()
      .min(1, "webhookSecret must not be empty (use null to remove it)")
      .max(1024)
      .nullable()
      .optional()
      .meta({ description: "Secret used to verify signatures; stored encrypted, never returned." }),
    response: responseSettingsSchema.nullable().optional(),
    failFirst: failFirstSchema.nullable().optional(),
    respondTimeoutMs: respondTimeoutMsSchema.nullable().optional(),
  })
  .meta({ description: "Every key optional: left out keeps the current value, null resets it." });

export type BinSettingsInput = z.infer<typeof binSettingsSchema>;
export type ResponseSettings = z.infer<typeof storedResponseSettingsSchema>;
export type FailFirstSettings = z.infer<typeof failFirstSchema>;

/** What is stored in bins.settings and shown to everyone (read-only for viewers). */
export interface SimulationSettings {
  response: ResponseSettings | null;
  failFirst: FailFirstSettings | null;
  /** null or absent: RESPOND_TIMEOUT_MS.default. */
  respondTimeoutMs?: number | null;
}
