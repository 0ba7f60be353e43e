import type { IncomingMessage, ServerResponse } from "node:http";
import { isValidBinId } from "@/lib/ids/bin-id";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";
import { AppError } from "@/lib/errors";
import { API_SECURITY_HEADERS } from "@/lib/http/api-security-headers";
import { jsonError } from "@/lib/http/json-error";
import { mapErrorToResponse } from "@/lib/http/map-error-to-response";
import { readOwnerToken } from "@/lib/http/read-owner-token";
import { sendWebResponse } from "@/lib/http/send-web-response";
import { openBinEventStream } from "@/lib/deliveries/open-bin-event-stream";

export interface ServeBinEventsOptions {
  req: IncomingMessage;
  res: ServerResponse;
  /** The id as it appears in the path (percent-encoded or not). */
  rawBinId: string;
  /** The caller's address as server.ts resolved it: its open streams are capped. */
  clientIp: string;
}

const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

/**
 * `GET /api/bins/<id>/events`, served by server.ts rather than by Next. Each event batch is one
 * chunk to every viewer of a bin, and under Next each chunk also went through its web-stream
 * piping to the socket (without it the live latency's p50 about halves; README "Performance").
 * Same contract as a Next route: errors map through mapErrorToResponse, and the /api/
 * security headers are set.
 */
export async function serveBinEvents({
  req,
  res,
  rawBinId,
  clientIp,
}: ServeBinEventsOptions): Promise<void> {
  const gone = new AbortController();
  res.once("close", () => gone.abort());
  let response: Response;
  try {
    response = await openBinEventsResponse({ req, rawBinId, clientIp, signal: gone.signal });
  } catch (error) {
    response = mapErrorToResponse(error);
  }
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
    response.headers.set(name, value);
  }
  await sendWebResponse({ response, res });
}

async function openBinEventsResponse({
  req,
  rawBinId,
  clientIp,
  signal,
}: {
  req: IncomingMessage;
  rawBinId: string;
  clientIp: string;
  signal: AbortSignal;
}): Promise<Response> {
  if (req.method !== "GET") {
    return jsonError(405, "method_not_allowed", "Live events are read with GET", { Allow: "GET" });
  }
  const binId = decodePathSegment(rawBinId);
  if (binId === null || !isValidBinId(binId)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  const headers = {
    get: (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
  // EventSource sends Last-Event-ID on reconnect; a first connection may pass ?lastEventId=.
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  const candidate = headers.get("last-event-id") ?? query.get("lastEventId");
  const lastEventId = candidate && isDeliveryId(candidate) ? candidate : null;
  const stream = await openBinEventStream({
    binId,
    lastEventId,
    clientIp,
    signal,
    // `forward --respond`: this stream answers held captures (owner only).
    respond:
      query.get("respond") === "1"
        ? { token: readOwnerToken({ request: { headers }, binId }) }
        : undefined,
  });
  return new Response(stream, { headers: SSE_HEADERS });
}

function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
