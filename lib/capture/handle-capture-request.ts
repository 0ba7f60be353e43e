import {
  validateHeaderName,
  validateHeaderValue,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { buildDeliveryRecord } from "@/lib/capture/build-delivery-record";
import { buildDefaultAnswer } from "@/lib/payload/build-default-answer";
import { countPriorAttempts } from "@/lib/capture/count-prior-attempts";
import { createRandomPool } from "@/lib/ids/create-random-pool";
import { createUuidV7 } from "@/lib/ids/create-uuid-v7";
import type { RateLimitDecision } from "@/lib/rate-limits/create-rate-limiter";
import { getBinToucher } from "@/lib/capture/get-bin-toucher";
import { getBodyBudget } from "@/lib/capture/get-body-budget";
import { getDeliveryWriter } from "@/lib/capture/get-delivery-writer";
import { getRateLimiter } from "@/lib/rate-limits/get-rate-limiter";
import { getRejectionCounter } from "@/lib/capture/get-rejection-counter";
import { getSettingsCache } from "@/lib/bins/get-settings-cache";
import { parseEchoUrl } from "@/lib/capture/parse-echo-url";
import { planResponse } from "@/lib/capture/plan-response";
import type { PlannedResponse } from "@/lib/payload/planned-response-schema";
import { sanitizeDeliveryRecord } from "@/lib/capture/sanitize-delivery-record";
import { isDatabaseOutage } from "@/lib/database/is-database-outage";
import { isRowDataError } from "@/lib/database/is-row-data-error";
import { readBodyBounded, type ReadBodyResult } from "@/lib/capture/read-body-bounded";
import { getSlowBodyGuard } from "@/lib/capture/get-slow-body-guard";
import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatErrorStack } from "@/lib/format-error-stack";
import { resolveClientIp } from "@/lib/http/resolve-client-ip";
import { CORS_HEADERS, corsPreflightHeaders } from "@/lib/http/cors-headers";
import { getEventBus } from "@/lib/live/get-event-bus";
import { log } from "@/lib/log";
import { toStoredVerdict } from "@/lib/signatures/to-stored-verdict";
import { verifySignature } from "@/lib/signatures/verify-signature";

export interface HandleCaptureRequestOptions {
  req: IncomingMessage;
  res: ServerResponse;
  now?: () => Date;
}

// Whatever a bin's owner makes the endpoint answer, it is served from our origin: it must
// never run as a page there.
const SAFETY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
};

// An owner's header that is still malformed (the rules of lib/payload/check-response-headers.ts
// should already have dropped it) is left out and logged, checked the way Node's writeHead
// would, rather than failing an answer whose delivery is already stored. Our own constant
// layers need no check.
function dropInvalidHeaders(
  binId: string | null,
  headers: Record<string, string>,
): Record<string, string> {
  const valid: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch (error) {
      log("warn", "answer header dropped", { binId, header: name, error: errorMessage(error) });
      continue;
    }
    valid[name] = value;
  }
  return valid;
}

// Layers merged by lower-case name: a later layer wins, so the safety headers always do.
function mergeHeaders(layers: ReadonlyArray<Record<string, string>>): Record<string, string> {
  const merged = new Map<string, [string, string]>();
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer))
      merged.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(merged.values());
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
  binId: string | null = null,
): void {
  if (res.headersSent || res.destroyed) return;
  // 204/304 carry no body by definition, HEAD never does.
  const withBody = req.method !== "HEAD" && status !== 204 && status !== 304;
  res.writeHead(
    status,
    mergeHeaders([
      CORS_HEADERS,
      { "Cache-Control": "no-store" },
      dropInvalidHeaders(binId, headers),
      SAFETY_HEADERS,
      status === 204 || status === 304 ? {} : { "Content-Length": String(Buffer.byteLength(body)) },
    ]),
  );
  res.end(withBody ? body : undefined);
}

function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  send(req, res, status, JSON.stringify({ error, message }), {
    "Content-Type": "application/json; charset=utf-8",
    ...headers,
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const randomPool = createRandomPool();

// Postgres text and jsonb cannot hold U+0000; refuse it up front so one hostile request can
// never fail the batch it would share with others.
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;

/**
 * The capture workflow: validate, rate-limit, bound the body, plan the answer, store (group
 * commit), and only then answer. Live publishing happens after the commit and never fails it.
 */
export async function handleCaptureRequest({
  req,
  res,
  now = () => new Date(),
}: HandleCaptureRequestOptions): Promise<void> {
  const env = getEnv();
  const rawUrl = req.url ?? "/";
  if (rawUrl.length > env.MAX_URL_LENGTH) {
    req.resume();
    return sendError(
      req,
      res,
      414,
      "uri_too_long",
      `Request target over ${env.MAX_URL_LENGTH} characters`,
    );
  }
  if (req.rawHeaders.length / 2 > env.MAX_HEADER_COUNT) {
    req.resume();
    return sendError(
      req,
      res,
      431,
      "too_many_headers",
      `More than ${env.MAX_HEADER_COUNT} request headers`,
    );
  }
  const parsed = parseEchoUrl({ rawUrl });
  if (!parsed.ok) {
    req.resume();
    return sendError(req, res, 400, "invalid_bin_id", parsed.reason);
  }
  const { binId, path, query } = parsed.value;
  if (NUL.test(path) || NUL.test(query) || req.rawHeaders.some((part) => NUL.test(part))) {
    req.resume();
    return sendError(
      req,
      res,
      400,
      "bad_request",
      "NUL bytes are not allowed in the URL or headers",
    );
  }

  const remoteAddress = resolveClientIp({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustProxy: env.TRUST_PROXY,
  });
  // Starts before the body is read, so the limit check overlaps the upload.
  const limitCheck = getRateLimiter().check([
    { key: `bin:${binId}`, limit: env.RATE_LIMIT_BIN_PER_MINUTE },
    { key: `ip:${remoteAddress}`, limit: env.RATE_LIMIT_IP_PER_MINUTE },
  ]);
  limitCheck.catch(() => {});

  // Body memory is charged as bytes arrive, to this client's share, and held until the row is
  // committed. The body is read at once (no await before): listeners are attached while the
  // request is still open, and every way out of here frees what it held, exactly once.
  const account = getBodyBudget().open(remoteAddress);
  try {
    await captureBody({
      req,
      res,
      env,
      binId,
      path,
      query,
      remoteAddress,
      limitCheck,
      now,
      release: account.close,
      read: readBodyBounded({
        req,
        limit: env.MAX_BODY_BYTES,
        account,
        guard: getSlowBodyGuard(),
      }),
    });
  } finally {
    account.close();
  }
}

async function captureBody({
  req,
  res,
  env,
  binId,
  path,
  query,
  remoteAddress,
  limitCheck,
  now,
  release,
  read: readResult,
}: {
  req: IncomingMessage;
  res: ServerResponse;
  env: Env;
  binId: string;
  path: string;
  query: string;
  remoteAddress: string;
  limitCheck: Promise<RateLimitDecision>;
  now: () => Date;
  /** Frees the body's memory reservation (idempotent). */
  release: () => void;
  read: Promise<ReadBodyResult>;
}): Promise<void> {
  const read = await readResult;
  if (!read.ok) {
    if (read.reason === "aborted") return;
    if (read.reason === "too_slow") {
      res.on("finish", () => req.socket.destroySoon());
      return sendError(
        req,
        res,
        408,
        "body_too_slow",
        `The body arrived slower than ${env.MIN_BODY_BYTES_PER_SECOND} bytes/s; nothing was stored`,
        { Connection: "close" },
      );
    }
    // Close the connection: the rest of the body is never read.
    res.on("finish", () => req.socket.destroySoon());
    return sendError(
      req,
      res,
      413,
      "payload_too_large",
      `Body exceeds the limit of ${env.MAX_BODY_BYTES} bytes`,
      {
        Connection: "close",
      },
    );
  }

  let plan: PlannedResponse;
  const receivedAt = now();
  const built = sanitizeDeliveryRecord({
    record: buildDeliveryRecord({
      id: createUuidV7({ now: () => receivedAt.getTime(), randomBytes: randomPool }),
      binId,
      method: req.method ?? "GET",
      path,
      query,
      rawHeaders: req.rawHeaders,
      body: read.body,
      remoteAddress,
      receivedAt,
    }),
  });
  if (!built.ok) {
    return sendError(req, res, 400, "unstorable_request", `${built.reason}; nothing was stored`);
  }
  let record = built.record;
  try {
    const decision = await limitCheck;
    if (!decision.allowed) {
      getRejectionCounter().add(binId);
      return sendError(
        req,
        res,
        429,
        "rate_limited",
        `Too many requests (${decision.refusedBy?.startsWith("bin:") ? "for this bin" : "from your address"}); retry in ${decision.retryAfterSeconds} s. Nothing was stored.`,
        { "Retry-After": String(decision.retryAfterSeconds) },
      );
    }
    const settings = await getSettingsCache().get(binId);
    const priorAttempts = settings.failFirst
      ? await countPriorAttempts({
          binId,
          analysisId: record.analysisId,
          bodySha256: record.bodySha256,
        })
      : null;
    const { droppedHeaders, ...planned } = planResponse({ settings, path, priorAttempts });
    if (droppedHeaders) {
      // Settings saved before today's header rules: answered without the offending headers.
      log("warn", "stored response headers dropped", {
        binId,
        headers: droppedHeaders.map(({ name, reason }) => `${name}: ${reason}`).join("; "),
      });
    }
    plan = planned;
    record.responseStatus = plan.status;
    record.response = plan;
    // Judged now, while the body is in memory (one HMAC): lists and live views then read the
    // verdict instead of the body. A later secret change makes it stale and re-judged. The
    // expected signature is not stored (toStoredVerdict): the owner's view recomputes it.
    record.signature = toStoredVerdict(
      await verifySignature({
        headers: record.headers,
        body: record.body,
        secret: settings.secret,
        now: () => receivedAt,
      }),
    );
    record.signatureVersion = settings.secretVersion;
    // The verdict and the planned answer are derived too: checked again before the batch.
    const checked = sanitizeDeliveryRecord({ record });
    if (!checked.ok) throw new Error(checked.reason);
    record = checked.record;
    await getDeliveryWriter().write(record);
  } catch (error) {
    if (isRowDataError(error)) {
      // PostgreSQL refused this row alone (its batch-mates were retried without it).
      log("warn", "capture refused by the database", { binId, error: errorMessage(error) });
      return sendError(
        req,
        res,
        400,
        "unstorable_request",
        "The database refused to store this request as sent; nothing was stored",
      );
    }
    if (isDatabaseOutage(error) || (error instanceof AppError && error.code === "UNAVAILABLE")) {
      log("warn", "capture failed: database unavailable", { binId, error: errorMessage(error) });
      return sendError(
        req,
        res,
        503,
        "unavailable",
        "Storage is temporarily unavailable; retry later",
        { "Retry-After": "5" },
      );
    }
    // A bug (ours or in a bin's stored data), not an outage: no Retry-After, so senders do
    // not retry forever, and the cause is logged for us.
    log("error", "capture failed", { binId, error: formatErrorStack(error) });
    return sendError(req, res, 500, "internal", "Internal error; nothing was stored");
  }

  // Committed: the body's memory is not needed for the (possibly delayed) answer.
  release();
  getBinToucher().touch(binId, receivedAt);
  getEventBus()
    .publish({ binId, deliveryId: record.id })
    .catch((error: unknown) =>
      log("warn", "live publish failed", { binId, error: errorMessage(error) }),
    );

  const headers: Record<string, string> = { ...plan.headers, "X-Delivery-Id": record.id };
  if (req.method === "OPTIONS") {
    Object.assign(headers, corsPreflightHeaders(req.headers["access-control-request-headers"]));
  }
  let body: string;
  if (plan.body === null) {
    const answer = buildDefaultAnswer({ plan, deliveryId: record.id });
    body = answer.body;
    headers["Content-Type"] = answer.contentType;
  } else {
    body = plan.body;
    headers["Content-Type"] = plan.contentType ?? "text/plain; charset=utf-8";
  }
  // The delay holds no database connection: the row is already committed.
  if (plan.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.delayMs));
  send(req, res, plan.status, body, headers, binId);
}
