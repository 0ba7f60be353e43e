import { z } from "zod";
import {
  analysisPayloadSchema,
  sampleAnalysisQuerySchema,
} from "@/lib/analysis/build-sample-analysis.types";
import { retryTimelineRowSchema } from "@/lib/analysis/retry-timeline-row-schema";
import { binIdSchema } from "@/lib/ids/bin-id-schema";
import {
  binSettingsSchema,
  failFirstSchema,
  storedResponseSettingsSchema,
} from "@/lib/bins/bin-settings-schema";
import { binClaimedSchema } from "@/lib/bins/claim-bin.types";
import { binCreatedSchema } from "@/lib/bins/create-bin.types";
import { getBinResponseSchema } from "@/lib/bins/get-bin.types";
import { binSettingsStateSchema } from "@/lib/bins/update-bin-settings.types";
import {
  forwardedAnswerAcceptedSchema,
  postForwardedAnswerInputSchema,
} from "@/lib/deliveries/post-forwarded-answer.types";
import { captureReceiptSchema } from "@/lib/capture/capture-receipt-schema";
import { simulatedFailureSchema } from "@/lib/payload/simulated-failure-schema";
import {
  conformanceDetailSchema,
  conformanceSummarySchema,
} from "@/lib/conformance/conformance-schema";
import { plannedResponseSchema } from "@/lib/payload/planned-response-schema";
import { readinessSchema } from "@/lib/database/check-readiness.types";
import { deliveryIdSchema } from "@/lib/ids/delivery-id-schema";
import { listedDeliverySchema } from "@/lib/deliveries/delivery-summary";
import {
  deliveryExportRecordSchema,
  exportQuerySchema,
} from "@/lib/deliveries/export-deliveries.types";
import {
  deliveryDiffSchema,
  diffDeliveriesQuerySchema,
} from "@/lib/deliveries/diff-deliveries.types";
import { deliveryDetailSchema } from "@/lib/deliveries/get-delivery-detail.types";
import { binStatsQuerySchema, binStatsSchema } from "@/lib/deliveries/get-bin-stats.types";
import {
  deliveryPageSchema,
  listDeliveriesQuerySchema,
} from "@/lib/deliveries/list-deliveries.types";
import {
  deliveryWaitedSchema,
  waitForDeliveryQuerySchema,
} from "@/lib/deliveries/wait-for-delivery.types";
import { errorResponseSchema } from "@/lib/http/error-response-schema";
import { healthSchema } from "@/lib/http/health.types";
import { binEventsQuerySchema, liveReadyEventSchema } from "@/lib/live/open-bin-event-stream.types";
import {
  HTTP_METHODS,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItemObject,
  type ResponseObject,
  type SchemaObject,
  type SecurityRequirement,
} from "@/lib/openapi/openapi-document";
import { harEntrySchema, harSchema } from "@/lib/payload/har-schema";
import {
  deliverySignedSchema,
  signDeliveryRequestSchema,
} from "@/lib/deliveries/sign-delivery.types";
import { sampleRequestSchema, sampleSentSchema } from "@/lib/samples/send-sample-analysis.types";
import { ownerDetailSchema, signatureResultSchema } from "@/lib/signatures/signature-result-schema";

export interface BuildOpenApiDocumentOptions {
  /** Origin the document's `servers` entry points at (the request's public origin). */
  serverUrl: string;
}

// Every schema below is the zod schema the server answers with (and the browser parses
// with); the document only names them. Answers are described as they leave the server
// (io "output": defaults filled in, unknown keys never sent), request bodies and parameters as a
// client may send them (io "input": defaulted keys optional).
const RESPONSE_SCHEMAS = {
  Error: errorResponseSchema,
  ResponseSettings: storedResponseSettingsSchema,
  FailFirst: failFirstSchema,
  BinSettings: binSettingsStateSchema,
  Bin: getBinResponseSchema,
  BinCreated: binCreatedSchema,
  BinClaimed: binClaimedSchema,
  OwnerDetail: ownerDetailSchema,
  SignatureVerdict: signatureResultSchema,
  Conformance: conformanceSummarySchema,
  ConformanceDetail: conformanceDetailSchema,
  DeliverySummary: listedDeliverySchema,
  DeliveryPage: deliveryPageSchema,
  DeliveryWaited: deliveryWaitedSchema,
  PlannedResponse: plannedResponseSchema,
  RetryTimelineRow: retryTimelineRowSchema,
  DeliveryDetail: deliveryDetailSchema,
  DeliveryDiff: deliveryDiffSchema,
  DeliveryExportRecord: deliveryExportRecordSchema,
  BinStats: binStatsSchema,
  Har: harSchema,
  HarEntry: harEntrySchema,
  SampleSent: sampleSentSchema,
  DeliverySigned: deliverySignedSchema,
  AnalysisPayload: analysisPayloadSchema,
  CaptureReceipt: captureReceiptSchema,
  SimulatedFailure: simulatedFailureSchema,
  Health: healthSchema,
  Readiness: readinessSchema,
  LiveReadyEvent: liveReadyEventSchema,
  ForwardedAnswerAccepted: forwardedAnswerAcceptedSchema,
} satisfies Record<string, z.ZodType>;

const REQUEST_SCHEMAS = {
  BinSettingsInput: binSettingsSchema,
  SampleRequest: sampleRequestSchema,
  SignDeliveryRequest: signDeliveryRequestSchema,
  ForwardedAnswer: postForwardedAnswerInputSchema,
} satisfies Record<string, z.ZodType>;

type ComponentName = keyof typeof RESPONSE_SCHEMAS | keyof typeof REQUEST_SCHEMAS;

const COMPONENTS_PREFIX = "#/components/schemas/";

/**
 * Keeps the document readable: a `format` (date-time, uuid, uri) already says what zod's long
 * regex says, and integer bounds at Number.MAX_SAFE_INTEGER are no limit a client cares about.
 */
function tidy({ jsonSchema }: { jsonSchema: z.core.JSONSchema.BaseSchema }): void {
  if (jsonSchema.format && jsonSchema.pattern) delete jsonSchema.pattern;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
}

const OUTPUT = { target: "draft-2020-12", io: "output", override: tidy } as const;
const INPUT = { target: "draft-2020-12", io: "input", override: tidy } as const;

/** A component's own keywords: the per-schema $schema/$id of zod's output mean nothing here. */
function asComponent(schema: z.core.JSONSchema.BaseSchema): SchemaObject {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest as SchemaObject;
}

function buildComponentSchemas(): Record<string, SchemaObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RESPONSE_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    ...OUTPUT,
    uri: (id) => `${COMPONENTS_PREFIX}${id}`,
  });
  const components: Record<string, SchemaObject> = {};
  for (const [id, schema] of Object.entries(schemas)) components[id] = asComponent(schema);
  for (const [id, schema] of Object.entries(REQUEST_SCHEMAS)) {
    components[id] = asComponent(z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }));
  }
  return components;
}

/** Query (or path) parameters from a zod object: one per key, its description lifted out. */
function parametersOf(schema: z.ZodObject, location: ParameterObject["in"]): ParameterObject[] {
  const json = z.toJSONSchema(schema, INPUT);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as SchemaObject;
    return {
      name,
      in: location,
      ...(location === "path" || required.has(name) ? { required: true } : {}),
      description: description ?? "",
      schema: rest,
    };
  });
}

const ref = (name: ComponentName): SchemaObject => ({ $ref: `${COMPONENTS_PREFIX}${name}` });
const json = (schema: SchemaObject) => ({ "application/json": { schema } });

const ERROR_DESCRIPTIONS: Record<string, string> = {
  "400": "Invalid input (malformed bin id, bad query parameter or JSON body)",
  "401": "No owner token",
  "403": "The token is not this bin's owner token",
  "404": "No such bin or delivery (a malformed delivery id names none)",
  "409": "Conflict with the bin's state",
  "413": "Body over the limit",
  "414": "Request target too long",
  "429": "Over a rate limit; retry after Retry-After seconds",
  "431": "Too many request headers",
  "503":
    "Storage temporarily unavailable (retry after Retry-After seconds), or search_timeout: a filtered query ran too long (narrow it)",
};

const RETRY_AFTER = {
  description: "Seconds to wait before retrying.",
  schema: { type: "integer", minimum: 0 },
} as const;

function errors(...statuses: string[]): Record<string, ResponseObject> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status] ?? "Error",
        ...(status === "429" || status === "503"
          ? { headers: { "Retry-After": RETRY_AFTER } }
          : {}),
        content: json(ref("Error")),
      },
    ]),
  );
}

const NO_STORE = { description: "Always no-store.", schema: { type: "string" } } as const;

/** The usual success: a JSON body of one component, never cached. */
const noStoreJson = (description: string, name: ComponentName): ResponseObject => ({
  description,
  headers: { "Cache-Control": NO_STORE },
  content: json(ref(name)),
});
/** Creating or claiming a bin: its JSON, and the owner cookie for the browser that asked. */
const ownerCookieJson = (description: string, name: ComponentName): ResponseObject => ({
  description,
  headers: {
    "Set-Cookie": {
      description: "we_owner_<id>=<ownerToken>; HttpOnly; SameSite=Lax",
      schema: { type: "string" },
    },
  },
  content: json(ref(name)),
});
const OWNER_ONLY: SecurityRequirement[] = [{ ownerToken: [] }, { ownerCookie: [] }];
// {} first: the operation works without credentials; the owner just sees more.
const OWNER_OPTIONAL: SecurityRequirement[] = [{}, { ownerToken: [] }, { ownerCookie: [] }];
const PUBLIC: SecurityRequirement[] = [];

/** An owner-only DELETE answered 204 with no body. */
function ownerDelete({
  operationId,
  tag,
  summary,
  parameters,
  done,
}: {
  operationId: string;
  tag: string;
  summary: string;
  parameters: ParameterObject[];
  /** The 204's description. */
  done: string;
}): OperationObject {
  return {
    operationId,
    tags: [tag],
    summary,
    parameters,
    responses: {
      "204": { description: done },
      ...errors("400", "401", "403", "404", "503"),
    },
    security: OWNER_ONLY,
  };
}

const binIdParam = parametersOf(z.object({ id: binIdSchema }), "path")[0]!;
const deliveryIdParam = parametersOf(
  z.object({ deliveryId: deliveryIdSchema.meta({ description: "Delivery id (UUIDv7)." }) }),
  "path",
)[0]!;

const DELIVERY_ID_HEADER = {
  description: "The stored delivery's id.",
  schema: asComponent(z.toJSONSchema(deliveryIdSchema, OUTPUT)),
};

const TAGS = [
  { name: "Capture", description: "The echo endpoint: point webhook senders here." },
  { name: "Bins", description: "Create, read, configure, claim and delete bins." },
  { name: "Deliveries", description: "Read, export and delete what a bin captured." },
  { name: "Live", description: "Server-Sent Events as deliveries arrive." },
  { name: "Samples", description: "Realistic CallCov analysis webhooks for testing." },
  { name: "Service", description: "Health, readiness and this document." },
  { name: "CLI", description: "The webhook-echo CLI, for machines that never cloned the repo." },
];

const CONFIGURED_BODY = {
  "*/*": { schema: { type: "string", description: "The body the owner configured." } },
} as const;

/**
 * A status capture uses both to refuse a request (an Error; nothing stored) and, stored, to
 * answer one as the owner simulates it (a SimulatedFailure, or the configured body; chaos 429s
 * and 503s add Retry-After). 204, 205 and 304 answers carry no body.
 */
function refusedOrSimulated(status: string, refused: string): Record<string, ResponseObject> {
  return {
    [status]: {
      description: `${refused}; or a simulated ${status} (stored, with X-Delivery-Id) that says it is simulated, or the configured body`,
      headers: {
        "X-Delivery-Id": DELIVERY_ID_HEADER,
        ...(status === "429" || status === "503" ? { "Retry-After": RETRY_AFTER } : {}),
      },
      content: {
        ...json({ anyOf: [ref("Error"), ref("SimulatedFailure")] }),
        ...CONFIGURED_BODY,
      },
    },
  };
}

function captureOperation(method: string, subpath: boolean): OperationObject {
  const upper = method.toUpperCase();
  const parameters: ParameterObject[] = [binIdParam];
  if (subpath) {
    parameters.push({
      name: "path",
      in: "path",
      required: true,
      description:
        "Any subpath, slashes included (e.g. webhooks/analysis); stored raw and forwarded by the CLI. A path of status/<code> answers that status.",
      schema: { type: "string" },
    });
  }
  return {
    operationId: `capture${upper[0]}${upper.slice(1).toLowerCase()}${subpath ? "Subpath" : ""}`,
    tags: ["Capture"],
    summary: `Capture a ${upper} request${subpath ? " to a subpath" : ""}`,
    description:
      "Stores the request byte-exact (method, raw path and query, headers in order, body bytes) before answering, then publishes it live. Any method is accepted, not only those listed. The answer is the default receipt unless the bin's owner configured a simulated response, fail-first, or the path is /status/<code>.",
    parameters,
    ...(method === "get" || method === "head" || method === "options"
      ? {}
      : {
          requestBody: {
            required: false,
            description: "Any bytes, any content type; stored unchanged.",
            content: {
              "*/*": { schema: { type: "string", contentMediaType: "application/octet-stream" } },
            },
          },
        }),
    responses: {
      "200": {
        description:
          "Captured: the default receipt, or the body and content type the owner configured.",
        headers: { "X-Delivery-Id": DELIVERY_ID_HEADER },
        content: { ...json(ref("CaptureReceipt")), ...CONFIGURED_BODY },
      },
      ...refusedOrSimulated(
        "400",
        "Refused before storing: a malformed bin id, NUL in the URL or headers, or an unstorable request",
      ),
      ...refusedOrSimulated(
        "408",
        "Refused: the body arrived slower than MIN_BODY_BYTES_PER_SECOND (nothing stored; the connection closes)",
      ),
      ...refusedOrSimulated(
        "413",
        "Refused: the body is over MAX_BODY_BYTES (nothing stored; the connection closes)",
      ),
      ...refusedOrSimulated(
        "414",
        "Refused: the request target is over MAX_URL_LENGTH (nothing stored)",
      ),
      ...refusedOrSimulated("429", "Rate limited (with Retry-After; nothing stored)"),
      ...refusedOrSimulated("431", "Refused: more than MAX_HEADER_COUNT headers (nothing stored)"),
      ...refusedOrSimulated("503", "Storage unavailable (with Retry-After; nothing stored)"),
      default: {
        description:
          "Captured, answered as simulated. First that applies: gone (410), fail-first, chaos (a random listed status), the first matching response rule, the /status/<code> path, the owner's response settings; with the configured body and content type, else the receipt (2xx/3xx) or a SimulatedFailure (4xx/5xx).",
        headers: { "X-Delivery-Id": DELIVERY_ID_HEADER },
        content: {
          "application/json": {
            schema: { anyOf: [ref("CaptureReceipt"), ref("SimulatedFailure")] },
          },
          "*/*": { schema: { type: "string", description: "The configured body." } },
        },
      },
    },
    security: PUBLIC,
  };
}

function capturePath(subpath: boolean): PathItemObject {
  return Object.fromEntries(
    HTTP_METHODS.map((method) => [method, captureOperation(method, subpath)]),
  );
}

// GET and HEAD of one served CLI file (lib/cli-download): static per build, revalidated by ETag.
function cliDownloadPath(file: "mjs" | "tgz"): PathItemObject {
  const [name, mediaType, summary, usage] =
    file === "mjs"
      ? ["File", "text/javascript", "The CLI as one file", "`node webhook-echo.mjs <command>`"]
      : [
          "Package",
          "application/gzip",
          "The CLI as an npm package",
          "`npx <this server>/cli/webhook-echo.tgz <command>`",
        ];
  const operation = (method: "get" | "head"): OperationObject => ({
    operationId: `${method}Cli${name}`,
    tags: ["CLI"],
    summary: method === "get" ? summary : `${summary}: headers only`,
    description: `Run with ${usage} (Node.js 20+; zod and everything else bundled in, no dependencies). The same bytes for every request of one build: \`Cache-Control: public, no-cache\` with a strong ETag, so clients revalidate (304 on a matching If-None-Match). Also served under /cli/{tag}/ with any tag (letters, digits, - and _): the home page and the view hand out a content-tagged URL, since npx reuses what it installed from one URL.`,
    responses: {
      "200": {
        description:
          method === "get" ? "The file, with its Content-Length" : "The headers of the file",
        headers: {
          ETag: { description: "Strong validator of these bytes.", schema: { type: "string" } },
        },
        content: { [mediaType]: { schema: { type: "string", contentMediaType: mediaType } } },
      },
      "304": { description: "Not modified (If-None-Match matched the ETag)" },
      "404": { description: "Not built on this server", content: json(ref("Error")) },
    },
    security: PUBLIC,
  });
  return { get: operation("get"), head: operation("head") };
}

/** The OpenAPI 3.1 description of every public endpoint; served at GET /api/openapi.json. */
export function buildOpenApiDocument({ serverUrl }: BuildOpenApiDocumentOptions): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "Webhook Echo API",
      version: "1.0.0",
      description:
        "Capture webhooks byte-exact and watch them arrive live. Send anything to /echo/{id}; read it back through /api. Owner-only operations take the bin's owner token as `Authorization: Bearer <ownerToken>` (browsers send the httpOnly cookie `we_owner_<id>` instead). Errors are always JSON `{error, message}`. Every API route also answers HEAD where it answers GET, OPTIONS (204 with Allow), and a method it does not take with 405 (an Error, with Allow); an unknown /api path is a 404.",
    },
    servers: [{ url: serverUrl, description: "This server" }],
    tags: TAGS,
    paths: {
      "/echo/{id}": capturePath(false),
      "/echo/{id}/{path}": capturePath(true),
      "/api/bins": {
        post: {
          operationId: "createBin",
          tags: ["Bins"],
          summary: "Create a bin",
          description:
            "Returns the bin's URLs and its owner token (shown once), and sets the owner cookie. Limited per client address.",
          responses: {
            "201": ownerCookieJson("Created", "BinCreated"),
            ...errors("429", "503"),
          },
          security: PUBLIC,
        },
      },
      "/api/bins/{id}": {
        get: {
          operationId: "getBin",
          tags: ["Bins"],
          summary: "Read a bin",
          description: "Counts, settings (never the secret) and limits.",
          parameters: [binIdParam],
          responses: {
            "200": { description: "The bin", content: json(ref("Bin")) },
            ...errors("400", "404", "503"),
          },
          security: PUBLIC,
        },
        delete: ownerDelete({
          operationId: "deleteBin",
          tag: "Bins",
          summary: "Delete a bin and all its deliveries",
          parameters: [binIdParam],
          done: "Deleted",
        }),
      },
      "/api/bins/{id}/settings": {
        put: {
          operationId: "updateBinSettings",
          tags: ["Bins"],
          summary: "Set the webhook secret, the simulated response and the bin's JSON Schema",
          description:
            "Keys left out keep their value; null resets them; unknown keys are refused. A new secret re-judges every delivery's signature; a new jsonSchema re-judges every delivery's conformance (when it is next read). A jsonSchema over 64 KiB, or one ajv cannot compile (including a $ref it cannot resolve inside the schema: nothing is fetched), is a 400 naming why; so is U+0000 or a lone UTF-16 surrogate in any other text (the database cannot store them). The owner is checked before the body is read; bodies over 768 KiB get 413 (from Content-Length, before reading).",
          parameters: [binIdParam],
          requestBody: { required: true, content: json(ref("BinSettingsInput")) },
          responses: {
            "200": { description: "The settings now in force", content: json(ref("BinSettings")) },
            ...errors("400", "401", "403", "404", "413", "503"),
          },
          security: OWNER_ONLY,
        },
      },
      "/api/bins/{id}/claim": {
        post: {
          operationId: "claimBin",
          tags: ["Bins"],
          summary: "Become the owner of a bin that has none",
          description:
            "Bins created by a first delivery have no owner; the first claim wins. Sets the owner cookie. Only an existing bin can be claimed (404 otherwise: claim never creates a bin). Claims share the per-address budget of POST /api/bins (429 with Retry-After past it).",
          parameters: [binIdParam],
          responses: {
            "201": ownerCookieJson("Claimed", "BinClaimed"),
            ...errors("400", "404", "409", "429", "503"),
          },
          security: PUBLIC,
        },
      },
      "/api/bins/{id}/deliveries": {
        get: {
          operationId: "listDeliveries",
          tags: ["Deliveries"],
          summary: "List deliveries, newest first",
          description:
            "Summaries without headers or body, with signature verdicts, attempt numbers and conformance verdicts (schema and valid; the detail lists the errors). Filters combine with AND.",
          parameters: [binIdParam, ...parametersOf(listDeliveriesQuerySchema, "query")],
          responses: {
            "200": noStoreJson("A page", "DeliveryPage"),
            ...errors("400", "503"),
          },
          security: PUBLIC,
        },
        delete: ownerDelete({
          operationId: "clearDeliveries",
          tag: "Deliveries",
          summary: "Delete every delivery of a bin",
          parameters: [binIdParam],
          done: "Cleared",
        }),
      },
      "/api/bins/{id}/deliveries/wait": {
        get: {
          operationId: "waitForDelivery",
          tags: ["Deliveries"],
          summary: "Wait for a matching delivery (long poll)",
          description:
            "Answers as soon as a delivery after `after` matching every filter is stored (on any instance), or 204 when `timeout` passes first. The filters are the list's; unknown parameters are refused (400). A held wait counts against the same per-client, per-bin and per-instance caps as live streams (429 with Retry-After past them) and is released when the client hangs up.",
          parameters: [binIdParam, ...parametersOf(waitForDeliveryQuerySchema, "query")],
          responses: {
            "200": noStoreJson("The first matching delivery", "DeliveryWaited"),
            "204": {
              description: "No matching delivery within the timeout",
              headers: { "Cache-Control": NO_STORE },
            },
            ...errors("400", "404", "429", "503"),
          },
          security: PUBLIC,
        },
      },
      "/api/bins/{id}/deliveries/{deliveryId}": {
        get: {
          operationId: "getDelivery",
          tags: ["Deliveries"],
          summary: "Read one delivery in full",
          description:
            "Headers in order, the body as base64 (and as text when UTF-8), the answer sent, and the retry timeline of its analysis. With the owner token, a failed signature check also shows the expected signature (signature.ownerDetail).",
          parameters: [binIdParam, deliveryIdParam],
          responses: {
            "200": { description: "The delivery", content: json(ref("DeliveryDetail")) },
            ...errors("400", "404", "503"),
          },
          security: OWNER_OPTIONAL,
        },
        delete: ownerDelete({
          operationId: "deleteDelivery",
          tag: "Deliveries",
          summary: "Delete one delivery",
          parameters: [binIdParam, deliveryIdParam],
          done: "Deleted",
        }),
      },
      "/api/bins/{id}/deliveries/{deliveryId}/raw": {
        get: {
          operationId: "getDeliveryRaw",
          tags: ["Deliveries"],
          summary: "Download the exact body bytes",
          description: "Always an attachment, application/octet-stream, nosniff.",
          parameters: [binIdParam, deliveryIdParam],
          responses: {
            "200": {
              description: "The body",
              headers: {
                "Content-Disposition": {
                  description: 'attachment; filename="<id>-<deliveryId>.bin"',
                  schema: { type: "string" },
                },
              },
              content: {
                "application/octet-stream": {
                  schema: { type: "string", contentMediaType: "application/octet-stream" },
                },
              },
            },
            ...errors("400", "404", "503"),
          },
          security: PUBLIC,
        },
      },
      "/api/bins/{id}/deliveries/{deliveryId}/sign": {
        post: {
          operationId: "signDelivery",
          tags: ["Deliveries"],
          summary: "Re-sign a (possibly edited) body for a replay",
          description:
            "Owner only. Signs the given bytes (or the stored body) with the bin's secret for the delivery's detected scheme (CallCov, GitHub, Stripe, Standard Webhooks/Svix, Shopify, Slack) at the current time and returns the headers to set on the replay; the secret itself is never returned. 401 without a token, 403 with another token (a viewer never gets a signature), 409 when the bin has no secret or the delivery carries no known signature header. The body is read only after the owner check, at most 14 MiB of JSON (413), and the decoded bytes at most MAX_BODY_BYTES. Limited per client address and per bin (RATE_LIMIT_SIGN_PER_MINUTE, 429).",
          parameters: [binIdParam, deliveryIdParam],
          requestBody: { required: true, content: json(ref("SignDeliveryRequest")) },
          responses: {
            "200": noStoreJson("The headers to set", "DeliverySigned"),
            ...errors("400", "401", "403", "404", "409", "413", "429", "503"),
          },
          security: OWNER_ONLY,
        },
      },
      "/api/bins/{id}/deliveries/{deliveryId}/diff": {
        get: {
          operationId: "diffDeliveries",
          tags: ["Deliveries"],
          summary: "Compare two deliveries of a bin",
          description:
            "How the delivery `against` differs from this one: headers (names compared case-insensitively, a repeated header as the ordered list of its lines) and body (json when both parse as JSON: key order and whitespace are no change, arrays compare by index, paths are JSON Pointers; text when both are UTF-8: by line; else binary: one change with sizes and SHA-256). Bounded: at most 1,000 body changes (values cut after 1,000 characters), bodies over DIFF_MAX_BODY_BYTES compared by size and SHA-256 only, and a JSON or text diff that would cost too much gives one summary change; `truncated` and `limit` say so. Diffs running at once are limited per client address and per instance (429 with Retry-After).",
          parameters: [
            binIdParam,
            deliveryIdParam,
            ...parametersOf(diffDeliveriesQuerySchema, "query"),
          ],
          responses: {
            "200": noStoreJson("The differences", "DeliveryDiff"),
            ...errors("400", "404", "429", "503"),
          },
          security: PUBLIC,
        },
      },
      "/api/bins/{id}/deliveries/{deliveryId}/response": {
        post: {
          operationId: "postForwardedAnswer",
          tags: ["Deliveries"],
          summary: "Answer a held capture with what the local app answered (forward --respond)",
          description:
            "While a `GET .../events?respond=1` stream of the owner is open, captures to the bin are stored with `response.reason: forward_pending` and held. This posts the local app's answer (status, headers in order, body as base64) or the forwarder's error; the first post wins. The sender then gets that status, headers (minus hop-by-hop ones and those a browser would act on for our origin) and body; an error, a timeout (respondTimeoutMs) or a closed stream gives the bin's own answer and `response.reason` forward_failed / forward_timeout / forward_disconnected. 409 when the capture is no longer held; 413 for a body over FORWARD_MAX_ANSWER_BYTES; 400 for a header or error text holding U+0000 or a lone UTF-16 surrogate (the delivery records them, and the database cannot store those). The owner is checked before the body is read.",
          parameters: [binIdParam, deliveryIdParam],
          requestBody: { required: true, content: json(ref("ForwardedAnswer")) },
          responses: {
            "200": noStoreJson(
              "Accepted: the held sender is answered now",
              "ForwardedAnswerAccepted",
            ),
            ...errors("400", "401", "403", "404", "409", "413", "503"),
          },
          security: OWNER_ONLY,
        },
      },
      "/api/bins/{id}/events": {
        get: {
          operationId: "streamBinEvents",
          tags: ["Live"],
          summary: "Follow new deliveries (Server-Sent Events)",
          description:
            "`event: ready` (data: LiveReadyEvent) first, then `event: delivery` with `id: <deliveryId>` and data: a DeliverySummary, for every new delivery; `event: bin-changed` (data: LiveReadyEvent, i.e. the bin id) when the bin's settings or secret changed, deliveries were deleted, or a `forward --respond` connected or left (`forwardResponding`) — re-read the bin and the list. Comment lines (`: ping`) are heartbeats every 20 s; `retry: 2000` suggests the reconnect delay. Reconnect with `Last-Event-ID` to replay what came after that delivery; a few seconds before it may be sent again, so dedupe by id. Open streams are capped per client address and per bin (429 with Retry-After past a cap); a stream that stops reading is cut and must reconnect.",
          parameters: [
            binIdParam,
            ...parametersOf(
              z.object({
                "Last-Event-ID": deliveryIdSchema.optional().meta({
                  description: "Resume after this delivery id (EventSource sends it on reconnect).",
                }),
              }),
              "header",
            ),
            ...parametersOf(binEventsQuerySchema, "query"),
          ],
          responses: {
            "200": {
              description: "An endless event stream",
              content: {
                "text/event-stream": {
                  schema: {
                    type: "string",
                    description:
                      "Events whose data are LiveReadyEvent (ready, bin-changed) or DeliverySummary (delivery).",
                  },
                },
              },
            },
            ...errors("400", "401", "403", "429"),
            "404": {
              description:
                "Only with respond=1: no such bin. Without it a bin that does not exist yet is followed too (a bin exists from its first delivery).",
              content: json(ref("Error")),
            },
          },
          security: PUBLIC,
        },
      },
      "/api/bins/{id}/export": {
        get: {
          operationId: "exportDeliveries",
          tags: ["Deliveries"],
          summary: "Export deliveries as HAR 1.2 or JSON lines",
          description:
            "Streamed, newest first, every delivery matching the filters; an attachment. The server reads the next page only as the client consumes the previous one, and limits exports running at once per client address and per instance (429 with Retry-After past it).",
          parameters: [binIdParam, ...parametersOf(exportQuerySchema, "query")],
          responses: {
            "200": {
              description: "The export",
              headers: {
                "Content-Disposition": {
                  description: 'attachment; filename="webhook-echo-<id>-<time>.<format>"',
                  schema: { type: "string" },
                },
              },
              content: {
                "application/json": { schema: ref("Har") },
                "application/x-ndjson": {
                  schema: {
                    type: "string",
                    description: "One DeliveryExportRecord JSON document per line.",
                  },
                },
              },
            },
            ...errors("400", "429", "503"),
          },
          security: PUBLIC,
        },
      },
      "/api/bins/{id}/stats": {
        get: {
          operationId: "getBinStats",
          tags: ["Deliveries"],
          summary: "Health at a glance: counts over a window",
          description:
            "Deliveries over time, the status classes our endpoint answered, signature verdicts, attempts per CallCov analysis and the time between attempts against CallCov's retry schedule, for the last hour, day or week. Counts only (no owner data); one aggregate query under the search statement timeout (503 search_timeout past it). Viewers of one bin share a read for about a second; reads running at once are limited per client address (429 with Retry-After).",
          parameters: [binIdParam, ...parametersOf(binStatsQuerySchema, "query")],
          responses: {
            "200": noStoreJson("The overview", "BinStats"),
            ...errors("400", "404", "429", "503"),
          },
          security: PUBLIC,
        },
      },
      "/api/bins/{id}/samples": {
        post: {
          operationId: "sendSample",
          tags: ["Samples"],
          summary: "Send a sample analysis to this bin",
          description:
            "Posts a realistic CallCov analysis, generated by this server, to the bin's own echo URL through the real capture path. Signed with X-CallCov-Signature only when the caller is the bin's owner and the bin has a secret; anyone else's sample is sent unsigned (so a viewer cannot make the server sign for the owner's secret), and a token that is not the owner's is refused with 403. Bodies over 4 KiB get 413.",
          parameters: [binIdParam],
          requestBody: { required: true, content: json(ref("SampleRequest")) },
          responses: {
            "201": { description: "Sent", content: json(ref("SampleSent")) },
            ...errors("400", "403", "409", "413", "503"),
          },
          security: OWNER_OPTIONAL,
        },
      },
      "/api/samples/analysis": {
        get: {
          operationId: "getSampleAnalysis",
          tags: ["Samples"],
          summary: "A sample CallCov analysis body",
          description:
            "For `curl .../api/samples/analysis | curl --data-binary @- <your endpoint>`; a new id each time.",
          parameters: parametersOf(sampleAnalysisQuerySchema, "query"),
          responses: {
            "200": { description: "The analysis", content: json(ref("AnalysisPayload")) },
            ...errors("400"),
          },
          security: PUBLIC,
        },
      },
      "/api/health": {
        get: {
          operationId: "getHealth",
          tags: ["Service"],
          summary: "Liveness: the process answers",
          responses: { "200": { description: "Alive", content: json(ref("Health")) } },
          security: PUBLIC,
        },
      },
      "/api/ready": {
        get: {
          operationId: "getReadiness",
          tags: ["Service"],
          summary: "Readiness: the database answers and every migration is applied",
          responses: {
            "200": { description: "Ready", content: json(ref("Readiness")) },
            "503": { description: "Not ready", content: json(ref("Readiness")) },
          },
          security: PUBLIC,
        },
      },
      "/api/schemas/{name}": {
        get: {
          operationId: "getConformanceSchema",
          tags: ["Deliveries"],
          summary: "A published conformance schema (JSON Schema 2020-12)",
          description:
            'The schema a conformance verdict names, e.g. callcov-analysis@1: the CallCov analysis webhook body, written from the CallCov webhooks guide. Versions never change. Verdict paths (errors[].path, unknownFields) are JSON Pointers into the body. A bin\'s own schema ("bin@<hash>") is in GET /api/bins/{id} (jsonSchema).',
          parameters: parametersOf(
            z.object({
              name: z.string().meta({
                description: "The schema's versioned name.",
                examples: ["callcov-analysis@1"],
              }),
            }),
            "path",
          ),
          responses: {
            "200": {
              description: "The schema",
              content: json({ type: "object", required: ["$schema", "$id"] }),
            },
            ...errors("404"),
          },
          security: PUBLIC,
        },
      },
      "/cli/webhook-echo.mjs": cliDownloadPath("mjs"),
      "/cli/webhook-echo.tgz": cliDownloadPath("tgz"),
      "/api/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          tags: ["Service"],
          summary: "This document (OpenAPI 3.1)",
          description: "Rendered for humans at /docs.",
          responses: {
            "200": {
              description: "The document",
              content: json({ type: "object", required: ["openapi", "info", "paths"] }),
            },
          },
          security: PUBLIC,
        },
      },
    },
    components: {
      schemas: buildComponentSchemas(),
      securitySchemes: {
        ownerToken: {
          type: "http",
          scheme: "bearer",
          description:
            "The bin's owner token, from POST /api/bins or POST /api/bins/{id}/claim: `Authorization: Bearer <ownerToken>`.",
        },
        ownerCookie: {
          type: "apiKey",
          in: "cookie",
          name: "we_owner_{id}",
          description:
            "The same token as the httpOnly cookie we_owner_<id> (with the bin's id), set for the browser that created or claimed the bin.",
        },
      },
    },
  };
}
