import type { SchemaObject } from "@/lib/openapi/openapi-document";
import { RESPONSE_HEADER_LIMITS } from "@/lib/payload/check-response-headers";
import {
  REFUSED_RESPONSE_HEADER_PREFIXES,
  REFUSED_RESPONSE_HEADERS,
} from "@/lib/payload/refused-response-headers";

// Mirrors the real response types: BinView (lib/bins/bin-view.ts), DeliverySummary and
// DeliveryDetail (lib/deliveries/delivery-summary.ts) with their decorations, SignatureResult,
// RetryTimelineRow, PlannedResponse. test/integration/openapi.test.ts validates live answers
// against these, so a field added to a response without being documented fails the build.

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const orNull = (schema: SchemaObject): SchemaObject => ({ anyOf: [schema, { type: "null" }] });
const dateTime: SchemaObject = { type: "string", format: "date-time" };
const uuid: SchemaObject = { type: "string", format: "uuid" };
const binId: SchemaObject = { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" };
const nonNegative: SchemaObject = { type: "integer", minimum: 0 };

// Written from the rule set itself (lib/payload/refused-response-headers.ts), so the document
// cannot drift from what PUT .../settings refuses.
const RESPONSE_HEADERS_DESCRIPTION = [
  "Extra response headers. Everything /echo/* answers is served from this app's origin, so headers a browser or a proxy in front of the app acts on are refused with a 400 naming the header.",
  `Names are HTTP tokens (at most ${RESPONSE_HEADER_LIMITS.nameLength} characters), case-insensitive, one value each (names differing only in case are a 400).`,
  `Values: visible ASCII, spaces and tabs only, at most ${RESPONSE_HEADER_LIMITS.valueLength} characters; at most ${RESPONSE_HEADER_LIMITS.count} headers and ${RESPONSE_HEADER_LIMITS.totalBytes} bytes together.`,
  "Content-Type is merged into `contentType`.",
  `Refused: ${[...REFUSED_RESPONSE_HEADERS.keys()].join(", ")}; any name starting with ${[...REFUSED_RESPONSE_HEADER_PREFIXES.keys()].map((prefix) => `${prefix}*`).join(", ")}; WWW-Authenticate with a challenge browsers turn into a login prompt (Basic, Digest, NTLM, Negotiate).`,
  "Settings saved before a rule existed are answered without the offending headers.",
].join(" ");

const deliverySummaryProperties: Record<string, SchemaObject> = {
  id: { ...uuid, description: "UUIDv7: ids sort by arrival time (the list cursor)." },
  binId,
  method: { type: "string", examples: ["POST"] },
  path: {
    type: "string",
    description: 'Subpath after /echo/<id>, raw (not percent-decoded); "" for none.',
    examples: ["/webhooks/analysis"],
  },
  query: { type: "string", description: 'Raw query string without "?"; "" for none.' },
  contentType: { type: ["string", "null"] },
  size: { ...nonNegative, description: "Body size in bytes." },
  sha256: { type: "string", pattern: "^[0-9a-f]{64}$", description: "SHA-256 of the body, hex." },
  remoteAddress: { type: ["string", "null"] },
  receivedAt: dateTime,
  analysisId: {
    type: ["string", "null"],
    description: "The CallCov analysis id found in the JSON body, if any.",
  },
  responseStatus: {
    type: ["integer", "null"],
    description: "The status the echo endpoint answered (simulated responses included).",
  },
  signature: ref("SignatureVerdict"),
  attempt: {
    type: "integer",
    minimum: 1,
    description: "1-based position among this bin's deliveries of the same analysis id.",
  },
  isDuplicate: {
    type: "boolean",
    description: "An earlier delivery of the same analysis was already answered 2xx.",
  },
};

const nameValue: SchemaObject = {
  type: "object",
  required: ["name", "value"],
  properties: { name: { type: "string" }, value: { type: "string" } },
};

const headerPairs: SchemaObject = {
  type: "array",
  description:
    "Request headers as [name, value] pairs: wire order, original case, duplicates kept.",
  items: {
    type: "array",
    prefixItems: [{ type: "string" }, { type: "string" }],
    minItems: 2,
    maxItems: 2,
    items: false,
  },
};

export const OPENAPI_SCHEMAS: Record<string, SchemaObject> = {
  Error: {
    type: "object",
    description: "Every error answer of the API and of the capture endpoint.",
    required: ["error", "message"],
    additionalProperties: false,
    properties: {
      error: {
        type: "string",
        description: "Machine-readable code.",
        examples: [
          "bad_request",
          "unauthorized",
          "forbidden",
          "not_found",
          "conflict",
          "payload_too_large",
          "rate_limited",
          "unavailable",
        ],
      },
      message: { type: "string", description: "What went wrong, for humans." },
    },
  },
  ResponseSettings: {
    type: "object",
    description: "What the echo endpoint answers instead of the default 200 JSON.",
    additionalProperties: false,
    properties: {
      status: { type: "integer", minimum: 200, maximum: 599 },
      headers: {
        type: "object",
        maxProperties: RESPONSE_HEADER_LIMITS.count,
        additionalProperties: {
          type: "string",
          maxLength: RESPONSE_HEADER_LIMITS.valueLength,
          pattern: "^[\\t\\x20-\\x7E]*$",
        },
        description: RESPONSE_HEADERS_DESCRIPTION,
      },
      body: { type: "string", maxLength: 65536 },
      contentType: {
        type: "string",
        maxLength: RESPONSE_HEADER_LIMITS.contentTypeLength,
        pattern: "^[\\t\\x20-\\x7E]*$",
        description:
          "Content-Type of a custom body. A Content-Type given among `headers` (any case) is stored here instead, so one goes on the wire; both with different values is a 400.",
      },
      delayMs: {
        type: "integer",
        minimum: 0,
        maximum: 120000,
        description: "Answer after this delay (up to 120 s, to trigger a sender's timeout).",
      },
    },
  },
  FailFirst: {
    type: "object",
    description:
      "Retry testing: the first `count` deliveries of each analysis (or identical body) are answered `status`.",
    required: ["count"],
    additionalProperties: false,
    properties: {
      count: { type: "integer", minimum: 0, maximum: 20 },
      status: { type: "integer", minimum: 400, maximum: 599, default: 503 },
    },
  },
  BinSettingsInput: {
    type: "object",
    description: "Every key optional: left out keeps the current value, null resets it.",
    additionalProperties: false,
    properties: {
      webhookSecret: {
        type: ["string", "null"],
        minLength: 1,
        maxLength: 1024,
        description: "Secret used to verify signatures; stored encrypted, never returned.",
      },
      response: orNull(ref("ResponseSettings")),
      failFirst: orNull(ref("FailFirst")),
    },
  },
  BinSettings: {
    type: "object",
    required: ["hasSecret", "response", "failFirst"],
    additionalProperties: false,
    properties: {
      hasSecret: { type: "boolean" },
      response: orNull(ref("ResponseSettings")),
      failFirst: orNull(ref("FailFirst")),
    },
  },
  Bin: {
    type: "object",
    description:
      "What anyone holding a view link may learn about a bin (never its token or secret).",
    required: [
      "id",
      "createdAt",
      "lastDeliveryAt",
      "deliveryCount",
      "hasOwner",
      "hasSecret",
      "response",
      "failFirst",
      "rejectedCount",
      "limits",
      "echoUrl",
      "viewUrl",
    ],
    additionalProperties: false,
    properties: {
      id: binId,
      createdAt: dateTime,
      lastDeliveryAt: { type: ["string", "null"], format: "date-time" },
      deliveryCount: nonNegative,
      hasOwner: { type: "boolean" },
      hasSecret: { type: "boolean", description: "Whether a webhook secret is set." },
      response: orNull(ref("ResponseSettings")),
      failFirst: orNull(ref("FailFirst")),
      rejectedCount: { ...nonNegative, description: "Deliveries refused with 429." },
      limits: {
        type: "object",
        required: ["retentionDays", "maxDeliveriesPerBin", "maxBodyBytes"],
        additionalProperties: false,
        properties: {
          retentionDays: { type: "number" },
          maxDeliveriesPerBin: { type: "integer" },
          maxBodyBytes: { type: "integer" },
        },
      },
      echoUrl: { type: "string", format: "uri", description: "Send webhooks here." },
      viewUrl: { type: "string", format: "uri", description: "Watch them arrive here." },
    },
  },
  BinCreated: {
    type: "object",
    required: ["id", "echoUrl", "viewUrl", "ownerToken"],
    additionalProperties: false,
    properties: {
      id: { ...binId, description: "128 random bits, base64url (22 characters)." },
      echoUrl: { type: "string", format: "uri" },
      viewUrl: { type: "string", format: "uri" },
      ownerToken: {
        type: "string",
        description: "Shown once; only its hash is stored. Send as Authorization: Bearer.",
      },
    },
  },
  BinClaimed: {
    type: "object",
    required: ["id", "ownerToken"],
    additionalProperties: false,
    properties: { id: binId, ownerToken: { type: "string" } },
  },
  OwnerDetail: {
    type: "object",
    description:
      "Only for the bin's owner, on a single delivery: the expected signature, computed when asked (never stored).",
    required: ["header", "received", "expected"],
    additionalProperties: false,
    properties: {
      header: { type: "string" },
      received: { type: "string" },
      expected: { type: "string" },
    },
  },
  SignatureVerdict: {
    type: "object",
    description: "The signature check against the bin's current secret.",
    required: ["scheme", "status", "reason"],
    additionalProperties: false,
    properties: {
      scheme: {
        type: ["string", "null"],
        enum: ["callcov", "github", "stripe", "standard-webhooks", "shopify", "slack", null],
      },
      status: { type: "string", enum: ["valid", "invalid", "missing", "no_secret"] },
      reason: { type: "string" },
      ownerDetail: ref("OwnerDetail"),
    },
  },
  DeliverySummary: {
    type: "object",
    description: "One row of a bin's list: everything but the headers and the body.",
    required: Object.keys(deliverySummaryProperties),
    additionalProperties: false,
    properties: deliverySummaryProperties,
  },
  DeliveryPage: {
    type: "object",
    required: ["deliveries", "nextCursor"],
    additionalProperties: false,
    properties: {
      deliveries: { type: "array", items: ref("DeliverySummary"), description: "Newest first." },
      nextCursor: {
        type: ["string", "null"],
        format: "uuid",
        description: "Pass as `before` for the next (older) page; null on the last page.",
      },
    },
  },
  PlannedResponse: {
    type: "object",
    description: "The answer the echo endpoint sent, and why.",
    required: ["status", "headers", "body", "contentType", "delayMs", "reason"],
    additionalProperties: false,
    properties: {
      status: { type: "integer" },
      headers: { type: "object", additionalProperties: { type: "string" } },
      body: { type: ["string", "null"], description: 'null: the default {"received":true,...}.' },
      contentType: { type: ["string", "null"] },
      delayMs: nonNegative,
      reason: { type: "string", enum: ["default", "settings", "status-path", "fail-first"] },
      attempt: { type: "integer", minimum: 1, description: "For fail-first: which attempt." },
    },
  },
  RetryTimelineRow: {
    type: "object",
    required: [
      "deliveryId",
      "attempt",
      "receivedAt",
      "responseStatus",
      "gapSeconds",
      "expectedGapSeconds",
      "matchesSchedule",
      "kind",
    ],
    additionalProperties: false,
    properties: {
      deliveryId: uuid,
      attempt: { type: "integer", minimum: 1 },
      receivedAt: dateTime,
      responseStatus: { type: ["integer", "null"] },
      gapSeconds: { type: ["number", "null"], description: "Since the previous delivery." },
      expectedGapSeconds: {
        type: ["number", "null"],
        description: "CallCov's documented delay for this retry (60, 300, 900, 3600, 21600 s).",
      },
      matchesSchedule: { type: ["boolean", "null"] },
      kind: { type: "string", enum: ["first", "retry", "duplicate"] },
    },
  },
  DeliveryDetail: {
    type: "object",
    description: "One delivery in full: headers, body, the answer sent and the retry timeline.",
    required: [
      ...Object.keys(deliverySummaryProperties),
      "headers",
      "bodyBase64",
      "bodyText",
      "response",
      "retryTimeline",
    ],
    additionalProperties: false,
    properties: {
      ...deliverySummaryProperties,
      headers: headerPairs,
      bodyBase64: { type: "string", contentEncoding: "base64", description: "The exact bytes." },
      bodyText: { type: ["string", "null"], description: "The body when it is valid UTF-8." },
      response: orNull(ref("PlannedResponse")),
      retryTimeline: {
        type: "array",
        items: ref("RetryTimelineRow"),
        description: "Every delivery of the same analysis in this bin; empty without one.",
      },
    },
  },
  DeliveryExportRecord: {
    type: "object",
    description: "One line of the JSON lines export.",
    required: [
      "id",
      "binId",
      "method",
      "path",
      "query",
      "headers",
      "contentType",
      "size",
      "sha256",
      "remoteAddress",
      "receivedAt",
      "analysisId",
      "responseStatus",
      "bodyText",
      "bodyBase64",
    ],
    additionalProperties: false,
    properties: {
      id: uuid,
      binId,
      method: { type: "string" },
      path: { type: "string" },
      query: { type: "string" },
      headers: headerPairs,
      contentType: { type: ["string", "null"] },
      size: nonNegative,
      sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
      remoteAddress: { type: ["string", "null"] },
      receivedAt: dateTime,
      analysisId: { type: ["string", "null"] },
      responseStatus: { type: ["integer", "null"] },
      bodyText: { type: ["string", "null"] },
      bodyBase64: { type: "string", contentEncoding: "base64" },
    },
  },
  Har: {
    type: "object",
    description: "HAR 1.2, openable in browser devtools, Insomnia, Charles and the like.",
    required: ["log"],
    additionalProperties: false,
    properties: {
      log: {
        type: "object",
        required: ["version", "creator", "entries"],
        additionalProperties: false,
        properties: {
          version: { const: "1.2" },
          creator: {
            type: "object",
            required: ["name", "version"],
            properties: { name: { type: "string" }, version: { type: "string" } },
          },
          entries: { type: "array", items: ref("HarEntry") },
        },
      },
    },
  },
  HarEntry: {
    type: "object",
    required: ["startedDateTime", "time", "request", "response", "cache", "timings"],
    additionalProperties: false,
    properties: {
      startedDateTime: dateTime,
      time: { type: "number" },
      request: {
        type: "object",
        required: [
          "method",
          "url",
          "httpVersion",
          "cookies",
          "headers",
          "queryString",
          "headersSize",
          "bodySize",
        ],
        additionalProperties: false,
        properties: {
          method: { type: "string" },
          url: { type: "string" },
          httpVersion: { type: "string" },
          cookies: { type: "array", items: nameValue },
          headers: { type: "array", items: nameValue },
          queryString: { type: "array", items: nameValue },
          postData: {
            type: "object",
            required: ["mimeType", "text"],
            description: 'Bodies that are not UTF-8 are base64 text, marked with comment "base64".',
            properties: {
              mimeType: { type: "string" },
              text: { type: "string" },
              comment: { const: "base64" },
              _encoding: { const: "base64" },
            },
          },
          headersSize: { type: "integer" },
          bodySize: { type: "integer" },
        },
      },
      response: {
        type: "object",
        description: "The answer the echo endpoint sent (status 0 when unknown).",
        required: ["status", "statusText", "httpVersion", "headers", "content"],
        properties: {
          status: { type: "integer" },
          statusText: { type: "string" },
          httpVersion: { type: "string" },
          cookies: { type: "array", items: nameValue },
          headers: { type: "array", items: nameValue },
          content: {
            type: "object",
            required: ["size", "mimeType"],
            properties: {
              size: { type: "integer" },
              mimeType: { type: "string" },
              text: { type: "string" },
            },
          },
          redirectURL: { type: "string" },
          headersSize: { type: "integer" },
          bodySize: { type: "integer" },
        },
      },
      cache: { type: "object" },
      timings: {
        type: "object",
        required: ["send", "wait", "receive"],
        properties: {
          send: { type: "number" },
          wait: { type: "number" },
          receive: { type: "number" },
        },
      },
    },
  },
  SampleRequest: {
    type: "object",
    additionalProperties: false,
    properties: {
      kind: {
        type: "string",
        enum: ["completed", "failed", "duplicate"],
        default: "completed",
        description:
          "duplicate re-sends the bin's newest sample (one this server generated, recognised by its authenticated id) byte for byte, like a retry; never a body someone else sent. 409 when the bin has no sample yet.",
      },
    },
  },
  SampleSent: {
    type: "object",
    required: ["deliveryId", "status", "analysisId", "signed", "unsignedReason"],
    additionalProperties: false,
    properties: {
      deliveryId: { type: ["string", "null"], format: "uuid" },
      status: { type: "integer", description: "What the bin's echo endpoint answered." },
      analysisId: {
        type: "string",
        description: "sample_<c|f>_<created>_<nonce>_<mac>: a sample id only this server can mint.",
      },
      signed: { type: "boolean", description: "Whether X-CallCov-Signature was sent." },
      unsignedReason: {
        type: ["string", "null"],
        enum: ["no-secret", "not-owner", null],
        description:
          "Why it was sent unsigned: the bin has no secret, or the caller is not the owner (only the owner's samples are signed). null when signed.",
      },
    },
  },
  AnalysisPayload: {
    type: "object",
    description: "A CallCov analysis webhook body, as the CallCov sender posts it.",
    required: ["id", "object", "created", "status", "call", "audio"],
    additionalProperties: false,
    properties: {
      id: { type: "string" },
      object: { const: "analysis" },
      created: { type: "integer", description: "Unix seconds." },
      status: { type: "string", enum: ["completed", "failed"] },
      call: {
        type: "object",
        properties: { agent_id: { type: "string" }, contact_id: { type: "string" } },
      },
      audio: {
        type: "object",
        properties: {
          url: { type: "string" },
          duration_seconds: { type: ["number", "null"] },
          format: { type: "string" },
        },
      },
      transcript: {
        type: "object",
        description: "Completed analyses only.",
        properties: {
          text: { type: "string" },
          segments: {
            type: "array",
            items: {
              type: "object",
              required: ["speaker", "text", "start", "end"],
              properties: {
                speaker: { type: "string" },
                text: { type: "string" },
                start: { type: "number" },
                end: { type: "number" },
              },
            },
          },
        },
      },
      results: {
        type: "object",
        description:
          "Completed analyses only; the sections' contents are not documented by CallCov.",
        properties: {
          compliance: { type: "object" },
          quality: { type: "object" },
          coaching: { type: "object" },
        },
      },
      error_message: { type: "string", description: "Failed analyses only." },
    },
  },
  CaptureReceipt: {
    type: "object",
    description: "The default answer of the echo endpoint.",
    required: ["received", "deliveryId"],
    additionalProperties: false,
    properties: { received: { const: true }, deliveryId: uuid },
  },
  Health: {
    type: "object",
    required: ["status"],
    additionalProperties: false,
    properties: { status: { const: "ok" } },
  },
  Readiness: {
    type: "object",
    required: ["ready", "database", "pendingMigrations"],
    additionalProperties: false,
    properties: {
      ready: { type: "boolean" },
      database: { type: "string", enum: ["ok", "unreachable"] },
      pendingMigrations: { type: "array", items: { type: "string" } },
    },
  },
  LiveReadyEvent: {
    type: "object",
    description:
      "data of `event: ready` (sent first on every connection) and of `event: bin-changed`.",
    required: ["binId"],
    additionalProperties: false,
    properties: { binId },
  },
};
