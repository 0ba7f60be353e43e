import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { registerLiveStream } from "@/lib/live/close-live-streams";
import { getEventBus } from "@/lib/live/get-event-bus";
import { uuidLowerBound, uuidTimestamp } from "@/lib/live/uuid-lower-bound";
import { log } from "@/lib/log";

// Deliveries commit in batches, so one with a smaller id can become visible after a larger
// one was sent. Every catch-up re-reads this window and skips what was already sent; clients
// dedupe by id across reconnects, so nothing is lost and nothing shows twice.
const LOOKBACK_MS = 5000;
const HEARTBEAT_MS = 20_000;

export interface StreamBinEventsOptions {
  binId: string;
  /** Last-Event-ID (a delivery id): replay what came after it. Absent: only new deliveries. */
  lastEventId: string | null;
  signal: AbortSignal;
  now?: () => number;
  heartbeatMs?: number;
  /** Extra fields for each summary (signature status etc.), filled by the caller's domain. */
  decorate?: (summaries: DeliverySummary[]) => Promise<unknown[]>;
}

/** Server-Sent Events for one bin: `event: delivery`, `id: <delivery id>`, data = summary. */
export function streamBinEvents({
  binId,
  lastEventId,
  signal,
  now = Date.now,
  heartbeatMs = HEARTBEAT_MS,
  decorate = async (summaries) => summaries,
}: StreamBinEventsOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const sent = new Map<string, number>();
  let highWater = lastEventId ? (uuidTimestamp(lastEventId) ?? now()) : now();
  let running = false;
  let again = false;
  let closed = false;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      if (lastEventId) sent.set(lastEventId, uuidTimestamp(lastEventId) ?? 0);

      const catchUp = async () => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            const page = await listDeliveries({
              binId,
              limit: 200,
              after: uuidLowerBound(highWater - LOOKBACK_MS),
            });
            const fresh = page.deliveries.filter((d) => !sent.has(d.id));
            const decorated = await decorate(fresh);
            fresh.forEach((delivery, index) => {
              const time = uuidTimestamp(delivery.id) ?? now();
              sent.set(delivery.id, time);
              highWater = Math.max(highWater, time);
              write(
                `id: ${delivery.id}\nevent: delivery\ndata: ${JSON.stringify(decorated[index])}\n\n`,
              );
            });
            if (page.deliveries.length === 200) again = true;
            for (const [id, time] of sent) if (time < highWater - 2 * LOOKBACK_MS) sent.delete(id);
          } while (again && !closed);
        } catch (error) {
          log("warn", "live catch-up failed", {
            binId,
            error: error instanceof Error ? error.message : String(error),
          });
          write(`event: error\ndata: ${JSON.stringify({ message: "catch-up failed" })}\n\n`);
        } finally {
          running = false;
        }
      };

      const unsubscribe = getEventBus().subscribe(
        binId,
        () => void catchUp(),
        () => void catchUp(),
      );
      const heartbeat = setInterval(
        () => write(`: ping ${new Date(now()).toISOString()}\n\n`),
        heartbeatMs,
      );
      const close = () => {
        if (closed) return;
        // Shutting down or client gone: a fast retry lands on another instance.
        write("retry: 1000\n\n");
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        unregister();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const unregister = registerLiveStream(() => close());
      cleanup = close;
      signal.addEventListener("abort", close, { once: true });

      write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ binId })}\n\n`);
      void catchUp();
    },
    cancel() {
      cleanup();
    },
  });
}
