import { isValidBinId } from "@/lib/ids/bin-id";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";
import { AppError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip-header";
import { readOwnerToken } from "@/lib/http/read-owner-token";
import { withRoute } from "@/lib/http/with-route";
import { openBinEventStream } from "@/lib/deliveries/open-bin-event-stream";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ id: string }>(async ({ request, params }) => {
  if (!isValidBinId(params.id)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  // EventSource sends Last-Event-ID on reconnect; a first connection may pass ?lastEventId=.
  const query = new URL(request.url).searchParams;
  const candidate = request.headers.get("last-event-id") ?? query.get("lastEventId");
  const lastEventId = candidate && isDeliveryId(candidate) ? candidate : null;
  const stream = await openBinEventStream({
    binId: params.id,
    lastEventId,
    clientIp: request.headers.get(CLIENT_IP_HEADER) ?? "unknown",
    signal: request.signal,
    // `forward --respond`: this stream answers held captures (owner only).
    respond:
      query.get("respond") === "1"
        ? { token: readOwnerToken({ request, binId: params.id }) }
        : undefined,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
