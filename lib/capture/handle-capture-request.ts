import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { buildDeliveryRecord } from "@/lib/capture/build-delivery-record";
import { getBinToucher } from "@/lib/capture/get-bin-toucher";
import { createUuidV7 } from "@/lib/capture/create-uuid-v7";
import { getDeliveryWriter } from "@/lib/capture/get-delivery-writer";
import { parseEchoUrl } from "@/lib/capture/parse-echo-url";
import { readBodyBounded } from "@/lib/capture/read-body-bounded";
import { getEnv } from "@/lib/env";
import { CORS_HEADERS, corsPreflightHeaders } from "@/lib/http/cors-headers";
import { getEventBus } from "@/lib/live/get-event-bus";
import { log } from "@/lib/log";

export interface HandleCaptureRequestOptions {
  req: IncomingMessage;
  res: ServerResponse;
  now?: () => Date;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
  headOnly = false,
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(payload),
    "Cache-Control": "no-store",
    ...extraHeaders,
  });
  res.end(headOnly ? undefined : payload);
}

// Postgres text and jsonb cannot hold U+0000; refuse it up front so one hostile request can
// never fail the batch it would share with others.
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;

/**
 * The capture workflow: validate the URL, bound the body, store it (group commit), and only
 * then answer 2xx. Publishing to live views happens after the commit and never fails capture.
 */
export async function handleCaptureRequest({
  req,
  res,
  now = () => new Date(),
}: HandleCaptureRequestOptions): Promise<void> {
  const method = req.method ?? "GET";
  const headOnly = method === "HEAD";
  const parsed = parseEchoUrl({ rawUrl: req.url ?? "/" });
  if (!parsed.ok) {
    sendJson(res, 400, { error: "invalid_bin_id", message: parsed.reason }, {}, headOnly);
    req.resume();
    return;
  }
  const { binId, path, query } = parsed.value;
  if (NUL.test(path) || NUL.test(query) || req.rawHeaders.some((part) => NUL.test(part))) {
    sendJson(
      res,
      400,
      { error: "bad_request", message: "NUL bytes are not allowed" },
      {},
      headOnly,
    );
    req.resume();
    return;
  }

  const limit = getEnv().MAX_BODY_BYTES;
  const read = await readBodyBounded({ req, limit });
  if (!read.ok) {
    if (read.reason === "aborted") return;
    // Close the connection: the rest of the body is never read.
    sendJson(
      res,
      413,
      {
        error: "payload_too_large",
        message: `Body exceeds the limit of ${limit} bytes`,
        limitBytes: limit,
      },
      { Connection: "close" },
      headOnly,
    );
    res.on("finish", () => req.socket.destroySoon());
    return;
  }

  const receivedAt = now();
  const record = buildDeliveryRecord({
    id: createUuidV7({ now: () => receivedAt.getTime(), randomBytes }),
    binId,
    method,
    path,
    query,
    rawHeaders: req.rawHeaders,
    body: read.body,
    remoteAddress: req.socket.remoteAddress ?? null,
    receivedAt,
  });

  try {
    await getDeliveryWriter().write(record);
  } catch (error) {
    log("warn", "capture failed: database unavailable", {
      binId,
      error: error instanceof Error ? error.message : String(error),
    });
    sendJson(
      res,
      503,
      { error: "unavailable", message: "Storage is temporarily unavailable; retry later" },
      { "Retry-After": "5" },
      headOnly,
    );
    return;
  }

  getBinToucher().touch(binId, receivedAt);
  getEventBus()
    .publish({ binId, deliveryId: record.id })
    .catch((error: unknown) =>
      log("warn", "live publish failed", {
        binId,
        error: error instanceof Error ? error.message : String(error),
      }),
    );

  const extra: Record<string, string> = { "X-Delivery-Id": record.id };
  if (method === "OPTIONS") {
    Object.assign(extra, corsPreflightHeaders(req.headers["access-control-request-headers"]));
  }
  sendJson(res, 200, { received: true, deliveryId: record.id }, extra, headOnly);
}
