import { buildDeliveryQuery } from "@/lib/client/build-delivery-query";
import type { ListedDelivery, WaitForDeliveryOptions } from "@/lib/client/client-types";
import { requestApi } from "@/lib/client/request-api";
import { sleepAbortable } from "@/lib/client/sleep-abortable";
import { WebhookEchoError } from "@/lib/client/webhook-echo-error";
import { deliveryPageSchema } from "@/lib/deliveries/list-deliveries.types";
import { deliveryWaitedSchema } from "@/lib/deliveries/wait-for-delivery.types";

export interface PollForDeliveryOptions extends WaitForDeliveryOptions {
  fetch: typeof fetch;
  server: string;
  binId: string;
  now?: () => number;
}

// The server holds one wait at most this long.
const MAX_POLL_SECONDS = 60;
// Below every id: "start", or "now" on an empty bin, means from the bin's first delivery.
const NIL_ID = "00000000-0000-0000-0000-000000000000";

function describeFilter(filter: Record<string, unknown>): string {
  const query = buildDeliveryQuery({ filter }).toString();
  return query ? ` matching ${decodeURIComponent(query.replaceAll("+", " "))}` : "";
}

/**
 * Long-polls GET .../deliveries/wait until a match or the deadline. "now" is pinned to the
 * bin's newest id before the first poll, and every poll resumes from that same cursor, so a
 * delivery arriving between two polls is found by the next one. 429/503 are retried after
 * their Retry-After while time remains.
 */
export async function pollForDelivery({
  fetch: fetchImpl,
  server,
  binId,
  timeoutMs = 30_000,
  after = "now",
  signal,
  now = Date.now,
  ...filter
}: PollForDeliveryOptions): Promise<ListedDelivery> {
  const base = `${server}/api/bins/${encodeURIComponent(binId)}/deliveries`;
  const deadline = now() + timeoutMs;
  let cursor = after === "start" ? NIL_ID : after;
  if (cursor === "now") {
    const newest = await requestApi({
      fetch: fetchImpl,
      url: `${base}?limit=1`,
      init: { signal },
      schema: deliveryPageSchema,
    });
    if ("retryable" in newest) throw newest.error;
    cursor = "data" in newest ? (newest.data.deliveries[0]?.id ?? NIL_ID) : NIL_ID;
  }
  const query = buildDeliveryQuery({ filter });
  for (;;) {
    const remainingMs = deadline - now();
    if (remainingMs <= 0 || signal?.aborted) break;
    query.set("after", cursor);
    query.set(
      "timeout",
      String(Math.min(MAX_POLL_SECONDS, Math.max(1, Math.ceil(remainingMs / 1000)))),
    );
    const answer = await requestApi({
      fetch: fetchImpl,
      url: `${base}/wait?${query}`,
      init: { signal },
      schema: deliveryWaitedSchema,
    });
    if ("data" in answer) return answer.data.delivery;
    if ("retryable" in answer) {
      if (answer.retryAfterSeconds * 1000 >= deadline - now()) throw answer.error;
      await sleepAbortable({ ms: answer.retryAfterSeconds * 1000, signal });
    }
  }
  throw new WebhookEchoError(
    "timeout",
    `No delivery${describeFilter(filter)} arrived in bin ${binId} within ${timeoutMs / 1000} s`,
  );
}
