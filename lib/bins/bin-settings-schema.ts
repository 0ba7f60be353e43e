import { z } from "zod";

import { jsonSchemaSettingSchema } from "@/lib/bins/json-schema-setting-schema";
import { checkResponseHeaders, RESPONSE_HEADER_LIMITS } from "@/lib/payload/check-response-headers";
import {
  REFUSED_RESPONSE_HEADER_PREFIXES,
  REFUSED_RESPONSE_HEADERS,
} from "@/lib/payload/refused-response-headers";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/text/is-storable-text";

// bins.settings is jsonb, which refuses U+0000 and lone surrogates: saving one was a 500. Every
// free-text setting is refused instead, with a 400 naming it (the header rules already allow
// only visible ASCII).
const storable = (text: string) => isStorableText({ text });

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
    .refine(storable, UNSTORABLE_TEXT_MESSAGE)
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

/**
 * A dot path into JSON bodies ("event.type", "data.object.id", "items.0.sku") whose value list
 * rows show for deliveries that are not CallCov analyses.
 */
export const summaryFieldSchema = z
  .string()
  .max(200)
  .regex(
    /^[A-Za-z0-9_$@-]+(\.[A-Za-z0-9_$@-]+)*$/,
    'summaryField must be a dot path like "event.type" (letters, digits, _ $ @ -)',
  )
  .meta({
    description:
      'Dot path into JSON bodies whose value list rows show (e.g. "event.type"); array items by index ("items.0.sku").',
    examples: ["event.type"],
  });

/** Bounds of response rules: a capture walks every rule, so the list and each glob stay small. */
export const RULE_LIMITS = {
  count: 50,
  globLength: 200,
  headerNameLength: 256,
  containsLength: 1024,
  jsonPathLength: 200,
  jsonPathSegments: 32,
  equalsLength: 1024,
  /** Every rule together, as JSON (bodies and headers included). */
  totalChars: 128 * 1024,
};

const ruleWhenSchema = z
  .strictObject({
    method: z
      .string()
      .regex(/^[A-Za-z]{1,20}$/, "method must be 1-20 letters, e.g. POST")
      .optional()
      .meta({ description: "Request method, case-insensitive." }),
    path: z
      .string()
      .min(1)
      .max(RULE_LIMITS.globLength)
      .regex(/^\//, "path must start with / (a glob: * within a segment, ** across segments)")
      .refine(storable, UNSTORABLE_TEXT_MESSAGE)
      .optional()
      .meta({
        description:
          "Glob on the path after /echo/<bin>: `*` matches within one segment, a `**` segment any number of segments; every other character is literal. A request with no path matches as `/`.",
      }),
    header: z
      .strictObject({
        name: z
          .string()
          .min(1)
          .max(RULE_LIMITS.headerNameLength)
          .refine(storable, UNSTORABLE_TEXT_MESSAGE),
        contains: z
          .string()
          .max(RULE_LIMITS.containsLength)
          .refine(storable, UNSTORABLE_TEXT_MESSAGE)
          .default(""),
      })
      .optional()
      .meta({
        description:
          "A request header (name case-insensitive) whose value contains this text (case-sensitive); empty: the header is present.",
      }),
    json: z
      .strictObject({
        path: z
          .string()
          .min(1)
          .max(RULE_LIMITS.jsonPathLength)
          .refine(
            (path) => path.split(".").length <= RULE_LIMITS.jsonPathSegments,
            `json.path has at most ${RULE_LIMITS.jsonPathSegments} segments`,
          )
          .refine(storable, UNSTORABLE_TEXT_MESSAGE),
        equals: z.union([
          z.string().max(RULE_LIMITS.equalsLength).refine(storable, UNSTORABLE_TEXT_MESSAGE),
          z.number(),
          z.boolean(),
          z.null(),
        ]),
      })
      .optional()
      .meta({
        description:
          "The JSON body (at most 1 MiB; a body that is not JSON never matches) has this value at `path`: dot-separated keys, numbers index arrays, an optional leading `$.` (e.g. `$.data.items.0.id`).",
      }),
  })
  .meta({ description: "Every field optional; all given ones must match. `{}` matches all." });

function checkRulesSize(rules: readonly unknown[], ctx: z.RefinementCtx): void {
  const chars = JSON.stringify(rules).length;
  if (chars > RULE_LIMITS.totalChars) {
    ctx.addIssue({
      code: "custom",
      message: `rules are ${chars} characters of JSON together; at most ${RULE_LIMITS.totalChars}`,
    });
  }
}

const RULES_DESCRIPTION = `Response rules, first match wins (at most ${RULE_LIMITS.count}, ${RULE_LIMITS.totalChars} characters of JSON together). A matching rule's \`response\` replaces the bin's response settings; see ChaosSettings for the precedence.`;

/** Saving rules: each response passes the same checks as the bin's response settings. */
export const responseRulesSchema = z
  .array(z.strictObject({ when: ruleWhenSchema.default({}), response: responseSettingsSchema }))
  .max(RULE_LIMITS.count)
  .superRefine(checkRulesSize)
  .meta({ description: RULES_DESCRIPTION });

/** Reading rules back: shape only; the header rules are applied again when answering. */
export const storedResponseRulesSchema = z
  .array(z.object({ when: ruleWhenSchema, response: storedResponseSettingsSchema }))
  .max(RULE_LIMITS.count)
  .meta({ description: RULES_DESCRIPTION });

const FAILURE_STATUS = z.number().int().min(400).max(599);

export const chaosSchema = z
  .strictObject({
    failureRate: z.number().min(0).max(1),
    statuses: z
      .array(FAILURE_STATUS)
      .min(1)
      .max(20)
      .refine((statuses) => new Set(statuses).size === statuses.length, "statuses must not repeat")
      .default([500, 503, 429])
      .meta({ description: "4xx/5xx statuses, picked at random with equal weight." }),
    retryAfterSeconds: z.number().int().min(0).max(86_400).default(5).meta({
      description: "Sent as Retry-After on the 429s and 503s.",
    }),
  })
  .meta({
    description:
      "Fails this share of captures at random with one of `statuses` (stored all the same). Precedence, first that applies: gone (410) > fail-first > chaos > the first matching rule > the /status/<code> path > the response settings > the default 200.",
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

/**
 * The largest request body PUT .../settings reads. The largest valid settings (a 64K-character
 * response body, 50 headers of 2,000 characters, a 1,024-character secret) encode to about
 * 690 KiB even with every character escaped; response rules add at most 128K characters of JSON
 * (up to 3 bytes each as UTF-8) and a JSON Schema at most 64 KiB.
 */
export const MAX_SETTINGS_BODY_BYTES = 1216 * 1024;

/** PUT /api/bins/<id>/settings: every key optional; null removes; unknown keys are refused. */
export const binSettingsSchema = z
  .strictObject({
    webhookSecret: z
      .string()
      .min(1, "webhookSecret must not be empty (use null to remove it)")
      .max(1024)
      // Encrypted from its UTF-8, which has no lone surrogates (it would become U+FFFD and
      // verify with another key); U+0000 is refused like in every other setting.
      .refine(storable, UNSTORABLE_TEXT_MESSAGE)
      .nullable()
      .optional()
      .meta({ description: "Secret used to verify signatures; stored encrypted, never returned." }),
    response: responseSettingsSchema.nullable().optional(),
    failFirst: failFirstSchema.nullable().optional(),
    jsonSchema: jsonSchemaSettingSchema.nullable().optional(),
    summaryField: summaryFieldSchema.nullable().optional(),
    rules: responseRulesSchema.nullable().optional(),
    chaos: chaosSchema.nullable().optional(),
    gone: z.boolean().nullable().optional().meta({
      description: "true: every capture is stored and answered 410, like an unsubscribed endpoint.",
    }),
    respondTimeoutMs: respondTimeoutMsSchema.nullable().optional(),
  })
  .meta({ description: "Every key optional: left out keeps the current value, null resets it." });

export type BinSettingsInput = z.infer<typeof binSettingsSchema>;
export type ResponseSettings = z.infer<typeof storedResponseSettingsSchema>;
export type FailFirstSettings = z.infer<typeof failFirstSchema>;
export type ResponseRule = z.infer<typeof storedResponseRulesSchema>[number];
export type ChaosSettings = z.infer<typeof chaosSchema>;

/** What is stored in bins.settings and shown to everyone (read-only for viewers). */
export interface SimulationSettings {
  response: ResponseSettings | null;
  failFirst: FailFirstSettings | null;
  /** Shown on list rows of JSON deliveries (absent: none). */
  summaryField?: string | null;
  /** Optional so older literals still type-check; parseStoredSettings always fills them. */
  rules?: ResponseRule[];
  chaos?: ChaosSettings | null;
  gone?: boolean;
  /** null or absent: RESPOND_TIMEOUT_MS.default. */
  respondTimeoutMs?: number | null;
}
