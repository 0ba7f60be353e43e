import type { IncomingMessage, ServerResponse } from "node:http";
import { buildDeliveryRecord } from "@/lib/capture/build-delivery-record";
import { countPriorAttempts } from "@/lib/capture/count-prior-attempts";
import { createRandomPool } from "@/lib/capture/create-random-pool";
import { createUuidV7 } from "@/lib/capture/create-uuid-v7";
import type { RateLimitDecision } from "@/lib/capture/create-rate-limiter";
import { getBinToucher } from "@/lib/capture/get-bin-toucher";
import { getBodyBudget } from "@/lib/capture/get-body-budget";
import { getDeliveryWriter } from "@/lib/capture/get-delivery-writer";
import { getRateLimiter } from "@/lib/capture/get-rate-limiter";
import { getRejectionCounter } from "@/lib/capture/get-rejection-counter";
import { getSettingsCache } from "@/lib/capture/get-settings-cache";
import { parseEchoUrl } from "@/lib/capture/parse-echo-url";
import { planResponse, type PlannedResponse } from "@/lib/capture/plan-response";
import { readBodyBounded } from "@/lib/capture/read-body-bounded";
import { getEnv, type Env } from "@/lib/env";
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

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  // 204/304 carry no body by definition, HEAD never does.
  const withBody = req.method !== "HEAD" && status !== 204 && status !== 304;
  res.writeHead(status, {
    ...CORS_HEADERS,
    "Cache-Control": "no-store",
    ...headers,
    ...SAFETY_HEADERS,
    ...(status === 204 || status === 304
      ? {}
      : { "Content-Length": String(Buffer.byteLength(body)) }),
  });
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

  // Reserve the body's memory before reading it and hold it until the row is committed: the
  // declared length, the whole limit for a chunked body, nothing when there is no body (or
  // when the declared length is over the limit: that request is refused without reading).
  const declared = Number(req.headers["content-length"] ?? 0);
  const chunked = req.headers["transfer-encoding"] !== undefined;
  const release = await getBodyBudget().acquire(
    chunked ? env.MAX_BODY_BYTES : declared > env.MAX_BODY_BYTES ? 0 : declared,
  );
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
      release,
    });
  } finally {
    release();
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
}): Promise<void> {
  const read = await readBodyBounded({ req, limit: env.MAX_BODY_BYTES });
  if (!read.ok) {
    if (read.reason === "aborted") return;
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
  const record = buildDeliveryRecord({
    id: createUuidV7({ now: () => receivedAt.getTime(), randomBytes: randomPool }),
    binId,
    method: req.method ?? "GET",
    path,
    query,
    rawHeaders: req.rawHeaders,
    body: read.body,
    remoteAddress,
    receivedAt,
  });
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
    plan = planResponse({ settings, path, priorAttempts });
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
    await getDeliveryWriter().write(record);
  } catch (error) {
    log("warn", "capture failed: database unavailable", { binId, error: errorMessage(error) });
    return sendError(
      req,
      res,
      503,
      "unavailable",
      "Storage is temporarily unavailable; retry later",
      {
        "Retry-After": "5",
      },
    );
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
    body = JSON.stringify({ received: true, deliveryId: record.id });
    headers["Content-Type"] = "application/json; charset=utf-8";
  } else {
    body = plan.body;
    headers["Content-Type"] = plan.contentType ?? "text/plain; charset=utf-8";
  }
  // The delay holds no database connection: the row is already committed.
  if (plan.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.delayMs));
  send(req, res, plan.status, body, headers);
}
