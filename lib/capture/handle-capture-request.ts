import type { IncomingMessage, ServerResponse } from "node:http";
import { buildAnswerHeaders } from "@/lib/capture/build-answer-headers";
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
import {
  DEFAULT_CAPTURE_CONFIG,
  getSettingsCache,
  type CaptureConfig,
} from "@/lib/bins/get-settings-cache";
import { parseEchoUrl } from "@/lib/capture/parse-echo-url";
import { parseJsonBody, type JsonBody } from "@/lib/payload/parse-json-body";
import { planResponse } from "@/lib/capture/plan-response";
import type { PlannedResponse } from "@/lib/payload/planned-response-schema";
import { sanitizeDeliveryRecord } from "@/lib/capture/sanitize-delivery-record";
import { nullUnstorableFields } from "@/lib/capture/null-unstorable-fields";
import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { isDatabaseOutage } from "@/lib/database/is-database-outage";
import { isRowDataError } from "@/lib/database/is-row-data-error";
import { readBodyBounded, type ReadBodyResult } from "@/lib/capture/read-body-bounded";
import { getSlowBodyGuard } from "@/lib/capture/get-slow-body-guard";
import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { formatErrorStack } from "@/lib/format-error-stack";
import { resolveClientIp } from "@/lib/http/resolve-client-ip";
import { corsPreflightHeaders } from "@/lib/http/cors-headers";
import { lingerAfterEarlyAnswer } from "@/lib/http/linger-after-early-answer";
import { getEventBus } from "@/lib/live/get-event-bus";
import { getForwardHub } from "@/lib/live/get-forward-hub";
import type { ForwardHold } from "@/lib/live/create-forward-holds";
import { awaitForwardedAnswer } from "@/lib/capture/await-forwarded-answer";
import { RESPOND_TIMEOUT_MS } from "@/lib/bins/bin-settings-schema";
import { log } from "@/lib/log";
import { readClock } from "@/lib/read-clock";
import { toStoredVerdict } from "@/lib/signatures/to-stored-verdict";
import { CALLCOV_SCHEMA_NAME } from "@/lib/conformance/callcov-schema-name";
import { judgeCallcovAtCapture } from "@/lib/conformance/judge-callcov-at-capture";
import { verifySignature } from "@/lib/signatures/verify-signature";
import { judgeWithoutSecret } from "@/lib/signatures/judge-without-secret";

export interface HandleCaptureRequestOptions {
  req: IncomingMessage;
  res: ServerResponse;
  now?: () => Date;
}

/** The request being answered, and its bin once the URL named one (for logs). */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  binId?: string;
}

/** What every step of one capture knows about its request. */
interface CaptureContext extends Exchange {
  binId: string;
  env: Env;
  now: () => Date;
  path: string;
  query: string;
  remoteAddress: string;
}

function send(
  { req, res, binId }: Exchange,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  // 204, 205 and 304 carry no body by definition (HEAD never does), so no content type either.
  const bodiless = status === 204 || status === 205 || status === 304;
  const answer = buildAnswerHeaders({
    headers,
    contentLength: bodiless ? null : String(Buffer.byteLength(body)),
  });
  // An owner's header that is still malformed (the rules of lib/payload/check-response-headers.ts
  // should already have dropped it) is left out and logged.
  for (const { name, error } of answer.dropped ?? []) {
    log("warn", "answer header dropped", { binId: binId ?? null, header: name, error });
  }
  res.writeHead(status, answer.flat);
  res.end(req.method !== "HEAD" && !bodiless ? body : undefined);
}

function sendError(
  exchange: Exchange,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  send(exchange, status, JSON.stringify({ error, message }), {
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

// Refused before the body is read: it is drained, not stored.
function refuseBeforeReading(
  exchange: Exchange,
  status: number,
  error: string,
  message: string,
): void {
  exchange.req.resume();
  sendError(exchange, status, error, message);
}

/**
 * The capture workflow: validate, rate-limit, bound the body, plan the answer, store (group
 * commit), and only then answer. Live publishing happens after the commit and never fails it.
 */
export async function handleCaptureRequest({
  req,
  res,
  now = readClock,
}: HandleCaptureRequestOptions): Promise<void> {
  const env = getEnv();
  const rawUrl = req.url ?? "/";
  if (rawUrl.length > env.MAX_URL_LENGTH) {
    const message = `Request target over ${env.MAX_URL_LENGTH} characters`;
    return refuseBeforeReading({ req, res }, 414, "uri_too_long", message);
  }
  if (req.rawHeaders.length / 2 > env.MAX_HEADER_COUNT) {
    const message = `More than ${env.MAX_HEADER_COUNT} request headers`;
    return refuseBeforeReading({ req, res }, 431, "too_many_headers", message);
  }
  const parsed = parseEchoUrl({ rawUrl });
  if (!parsed.ok) return refuseBeforeReading({ req, res }, 400, "invalid_bin_id", parsed.reason);
  const { binId, path, query } = parsed.value;
  if (NUL.test(path) || NUL.test(query) || req.rawHeaders.some((part) => NUL.test(part))) {
    const message = "NUL bytes are not allowed in the URL or headers";
    return refuseBeforeReading({ req, res }, 400, "bad_request", message);
  }

  const remoteAddress = resolveClientIp({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustProxy: env.TRUST_PROXY,
  });
  const ctx: CaptureContext = { req, res, binId, env, now, path, query, remoteAddress };
  // Usually decided at once (no limit set, or this instance's lease answers); otherwise the
  // check starts before the body is read, so it overlaps the upload.
  const limitCheck = getRateLimiter().check([
    { key: `bin:${binId}`, limit: env.RATE_LIMIT_BIN_PER_MINUTE },
    { key: `ip:${remoteAddress}`, limit: env.RATE_LIMIT_IP_PER_MINUTE },
  ]);
  if (limitCheck instanceof Promise) limitCheck.catch(() => {});

  // Body memory is charged as bytes arrive, to this client's share, and held until the row is
  // committed. The body is read at once (no await before): listeners are attached while the
  // request is still open, and every way out of here frees what it held, exactly once.
  const account = getBodyBudget().open(remoteAddress);
  try {
    await captureBody({
      ctx,
      limitCheck,
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
  ctx,
  limitCheck,
  release,
  read,
}: {
  ctx: CaptureContext;
  limitCheck: RateLimitDecision | Promise<RateLimitDecision>;
  /** Frees the body's memory reservation (idempotent). */
  release: () => void;
  read: Promise<ReadBodyResult>;
}): Promise<void> {
  const result = await read;
  if (!result.ok) {
    if (result.reason !== "aborted") refuseBodyAndClose(ctx, result.reason);
    return;
  }
  const receivedAt = ctx.now();
  // Parsed once, for the analysis id and for response rules.
  const json = parseJsonBody({ body: result.body });
  const built = sanitizeDeliveryRecord({
    record: buildDeliveryRecord({
      id: createUuidV7({ now: () => receivedAt.getTime(), randomBytes: randomPool }),
      binId: ctx.binId,
      method: ctx.req.method ?? "GET",
      path: ctx.path,
      query: ctx.query,
      rawHeaders: ctx.req.rawHeaders,
      body: result.body,
      remoteAddress: ctx.remoteAddress,
      receivedAt,
      json,
    }),
  });
  if (!built.ok) {
    return sendError(ctx, 400, "unstorable_request", `${built.reason}; nothing was stored`);
  }
  let stored: StoredDelivery;
  try {
    const decision = limitCheck instanceof Promise ? await limitCheck : limitCheck;
    if (!decision.allowed) return refuseRateLimited(ctx, decision);
    stored = await storeDelivery({ ctx, record: built.record, receivedAt, json });
  } catch (error) {
    heldBy(ctx)?.release("sender_gone");
    return answerStoreFailure(ctx, error);
  }

  // Committed: the body's memory is not needed for the (possibly delayed) answer.
  release();
  getBinToucher().touch(ctx.binId, receivedAt);
  getEventBus().announce({ binId: ctx.binId, deliveryId: stored.record.id });
  const answering = answerStored(ctx, stored);
  if (answering) await answering;
}

// The rest of the body is never read: close the connection after the answer, lingering
// (bounded) while the sender still sends, so the close is not a reset that loses the answer.
function refuseBodyAndClose(ctx: CaptureContext, reason: "too_large" | "too_slow"): void {
  lingerAfterEarlyAnswer({ req: ctx.req, res: ctx.res });
  const close = { Connection: "close" };
  if (reason === "too_slow") {
    const message = `The body arrived slower than ${ctx.env.MIN_BODY_BYTES_PER_SECOND} bytes/s; nothing was stored`;
    return sendError(ctx, 408, "body_too_slow", message, close);
  }
  const message = `Body exceeds the limit of ${ctx.env.MAX_BODY_BYTES} bytes`;
  sendError(ctx, 413, "payload_too_large", message, close);
}

function refuseRateLimited(ctx: CaptureContext, decision: RateLimitDecision): void {
  getRejectionCounter().add(ctx.binId);
  const who = decision.refusedBy?.startsWith("bin:") ? "for this bin" : "from your address";
  const message = `Too many requests (${who}); retry in ${decision.retryAfterSeconds} s. Nothing was stored.`;
  sendError(ctx, 429, "rate_limited", message, {
    "Retry-After": String(decision.retryAfterSeconds),
  });
}

interface StoredDelivery {
  record: DeliveryRecord;
  plan: PlannedResponse;
  /** `forward --respond`: the row says forward_pending; the answer waits for the local app. */
  hold?: { hold: ForwardHold; timeoutMs: number };
}

// The hold taken before the row was written, so a failed store can free it.
const holdsByRequest = new WeakMap<CaptureContext, ForwardHold>();
function heldBy(ctx: CaptureContext): ForwardHold | undefined {
  return holdsByRequest.get(ctx);
}

/**
 * With a `forward --respond` stream connected for the bin (on any instance), the capture is
 * held for the local app's answer; the row records the bin's own answer (rendered, so a
 * fallback is shown as sent) with reason forward_pending, or forward_busy past the caps.
 */
function planForwardHold(
  ctx: CaptureContext,
  record: DeliveryRecord,
  plan: PlannedResponse,
  respondTimeoutMs: number | null | undefined,
): { recorded: PlannedResponse; hold?: StoredDelivery["hold"] } {
  const hub = getForwardHub();
  if (!hub.holds.hasResponder(ctx.binId)) return { recorded: plan };
  const rendered = renderAnswer(ctx, record.id, plan);
  const recorded = { ...plan, body: rendered.body, contentType: rendered.headers["Content-Type"]! };
  const hold = hub.holds.tryHold({ binId: ctx.binId, deliveryId: record.id });
  if (!hold) {
    const forwardMessage = "Too many captures already wait for the local app; answered at once";
    return { recorded: { ...recorded, reason: "forward_busy", forwardMessage } };
  }
  holdsByRequest.set(ctx, hold);
  const timeoutMs = respondTimeoutMs ?? RESPOND_TIMEOUT_MS.default;
  return { recorded: { ...recorded, reason: "forward_pending" }, hold: { hold, timeoutMs } };
}

/** The bin holds more than the defaults: a cached default is stale, a load in flight is not. */
function rereadSettings(binId: string): Promise<CaptureConfig> {
  const settingsCache = getSettingsCache();
  if (settingsCache.peek(binId) === DEFAULT_CAPTURE_CONFIG) settingsCache.invalidate(binId);
  return settingsCache.get(binId);
}

/** Plans the answer, judges the signature, and writes the row (resolves once committed). */
async function storeDelivery({
  ctx,
  record,
  receivedAt,
  json,
  reread = false,
}: {
  ctx: CaptureContext;
  record: DeliveryRecord;
  receivedAt: Date;
  json: JsonBody;
  /** Planned before with assumed defaults, which the bin no longer holds: read it. */
  reread?: boolean;
}): Promise<StoredDelivery> {
  const { binId, path } = ctx;
  // Usually cached and loaded: read without waiting a turn of the event loop. A bin not in the
  // cache is planned with the defaults, unread: most bins hold them, and the insert keeps the
  // row only if its bin does (else it is planned again, below, after a read), so a new bin's
  // first delivery costs no read of it; once kept, the bin is cached as holding them. A bin
  // with a `forward --respond` stream is read first: its capture may take a hold.
  const settingsCache = getSettingsCache();
  const changesBefore = settingsCache.changes();
  let settings = reread ? await rereadSettings(binId) : settingsCache.peek(binId);
  let assumingDefaults = false;
  if (!settings) {
    if (settingsCache.loading(binId) || getForwardHub().holds.hasResponder(binId)) {
      settings = await settingsCache.get(binId);
    } else {
      settings = DEFAULT_CAPTURE_CONFIG;
      assumingDefaults = true;
    }
  }
  const priorAttempts = settings.failFirst
    ? await countPriorAttempts({
        binId,
        analysisId: record.analysisId,
        bodySha256: record.bodySha256,
      })
    : null;
  const planned = planResponse({
    settings,
    path,
    priorAttempts,
    request: { method: record.method, headers: record.headers, json },
    random: Math.random,
  });
  // Copied only when headers were dropped (the plan is stored as the row's answer, without them).
  let plan: PlannedResponse = planned;
  if (planned.droppedHeaders) {
    const { droppedHeaders, ...kept } = planned;
    plan = kept;
    // Settings saved before today's header rules: answered without the offending headers.
    log("warn", "stored response headers dropped", {
      binId,
      headers: droppedHeaders.map(({ name, reason }) => `${name}: ${reason}`).join("; "),
    });
  }
  // Judged now, while the body is in memory (one HMAC): lists and live views then read the
  // verdict instead of the body. A later secret change makes it stale and re-judged. The
  // expected signature is not stored (toStoredVerdict): the owner's view recomputes it.
  const signature = toStoredVerdict(
    settings.secret
      ? await verifySignature({
          headers: record.headers,
          body: record.body,
          secret: settings.secret,
          now: () => receivedAt,
        })
      : judgeWithoutSecret({ headers: record.headers }),
  );
  // callcov-analysis@1 too (microseconds on the body parsed above), so that live views and
  // lists never read a new delivery's body back to judge it. A bin's own schema runs on the
  // validator thread instead, at first read.
  const ownSchema = settings.jsonSchemaName !== null;
  const conformanceValid = ownSchema
    ? null
    : judgeCallcovAtCapture({ body: record.body, contentType: record.contentType, json });
  // The verdict and the planned answer are derived too: what PostgreSQL would refuse of them
  // is stored as null. The request's own fields and its analysis facts were checked when it was
  // built (sanitizeDeliveryRecord) and have not changed.
  const forward = planForwardHold(ctx, record, plan, settings.respondTimeoutMs);
  const complete = nullUnstorableFields({
    record: {
      ...record,
      responseStatus: plan.status,
      response: forward.recorded,
      signature,
      signatureVersion: settings.secretVersion,
      conformanceSchema: ownSchema ? null : CALLCOV_SCHEMA_NAME,
      conformanceValid,
    },
    fields: "answer",
  }).record;
  const stored = await getDeliveryWriter().write(complete, { assumingDefaults });
  if (!stored) {
    // No hold was taken (a bin with a responder is never assumed); freed all the same.
    forward.hold?.hold.release();
    holdsByRequest.delete(ctx);
    return storeDelivery({ ctx, record, receivedAt, json, reread: true });
  }
  if (assumingDefaults) settingsCache.prime(binId, DEFAULT_CAPTURE_CONFIG, changesBefore);
  return { record: complete, plan, hold: forward.hold };
}

function answerStoreFailure(ctx: CaptureContext, error: unknown): void {
  const { binId } = ctx;
  if (isRowDataError(error)) {
    // PostgreSQL refused this row alone (its batch-mates were retried without it).
    log("warn", "capture refused by the database", { binId, error: errorMessage(error) });
    const message = "The database refused to store this request as sent; nothing was stored";
    return sendError(ctx, 400, "unstorable_request", message);
  }
  if (isDatabaseOutage(error) || (error instanceof AppError && error.code === "UNAVAILABLE")) {
    log("warn", "capture failed: database unavailable", { binId, error: errorMessage(error) });
    const message = "Storage is temporarily unavailable; retry later";
    return sendError(ctx, 503, "unavailable", message, { "Retry-After": "5" });
  }
  // A bug (ours or in a bin's stored data), not an outage: no Retry-After, so senders do
  // not retry forever, and the cause is logged for us.
  log("error", "capture failed", { binId, error: formatErrorStack(error) });
  sendError(ctx, 500, "internal", "Internal error; nothing was stored");
}

function renderAnswer(
  ctx: CaptureContext,
  deliveryId: string,
  plan: PlannedResponse,
): { body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = { ...plan.headers, "X-Delivery-Id": deliveryId };
  if (ctx.req.method === "OPTIONS") {
    Object.assign(headers, corsPreflightHeaders(ctx.req.headers["access-control-request-headers"]));
  }
  if (plan.body === null) {
    const answer = buildDefaultAnswer({ plan, deliveryId });
    headers["Content-Type"] = answer.contentType;
    return { body: answer.body, headers };
  }
  headers["Content-Type"] = plan.contentType ?? "text/plain; charset=utf-8";
  return { body: plan.body, headers };
}

/** Answers a stored delivery: at once (no await, the usual case), or after a hold or a delay. */
function answerStored(ctx: CaptureContext, stored: StoredDelivery): Promise<void> | undefined {
  if (stored.hold) return answerHeld(ctx, stored, stored.hold);
  const { plan, record } = stored;
  const { body, headers } = renderAnswer(ctx, record.id, plan);
  // The delay holds no database connection: the row is already committed.
  if (plan.delayMs > 0) {
    return new Promise<void>((resolve) => setTimeout(resolve, plan.delayMs)).then(() =>
      send(ctx, plan.status, body, headers),
    );
  }
  send(ctx, plan.status, body, headers);
}

async function answerHeld(
  ctx: CaptureContext,
  { record, plan }: StoredDelivery,
  hold: NonNullable<StoredDelivery["hold"]>,
): Promise<void> {
  const forwarded = await awaitForwardedAnswer({
    binId: ctx.binId,
    deliveryId: record.id,
    hold: hold.hold,
    timeoutMs: hold.timeoutMs,
    res: ctx.res,
  });
  // No answer from the local app in time: the bin's own, as planned.
  if (!forwarded) return answerStored(ctx, { record, plan });
  const headers: Record<string, string> = { ...forwarded.headers, "X-Delivery-Id": record.id };
  if (forwarded.contentType) headers["Content-Type"] = forwarded.contentType;
  send(ctx, forwarded.status, forwarded.body, headers);
}
