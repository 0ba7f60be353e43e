import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import { getDeliverySummaries } from "@/lib/deliveries/get-delivery-summaries";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { registerLiveStream } from "@/lib/live/close-live-streams";
import { getEventBus } from "@/lib/live/get-event-bus";
import { uuidLowerBound, uuidTimestamp } from "@/lib/live/uuid-lower-bound";
import { log } from "@/lib/log";

// Live: every notification names a delivery that has already committed, so it is read by id.
// Replay (Last-Event-ID) and resync (the listener reconnected, notifications may be lost) read
// a window by id order instead; since batches commit out of id order, that window starts this
// far before the last id seen, and ids already sent are skipped. Clients dedupe by id across
// reconnects, so nothing is lost and nothing shows twice.
const LOOKBACK_MS = 5000;
const PAGE = 200;
const HEARTBEAT_MS = 20_000;
const GATHER_MS = 10;

export interface StreamBinEventsOptions {
  binId: string;
  /** Last-Event-ID (a delivery id): replay what came after it. Absent: only new deliveries. */
  lastEventId: string | null;
  signal: AbortSignal;
  now?: () => number;
  heartbeatMs?: number;
  /** Extra fields for each summary (signature verdicts etc.), filled by the caller's domain. */
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
  const pendingIds = new Set<string>();
  let catchUpWanted = lastEventId !== null;
  let running = false;
  let closed = false;
  let gatherTimer: NodeJS.Timeout | null = null;
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

      const emit = async (deliveries: DeliverySummary[]) => {
        const fresh = deliveries.filter((d) => !sent.has(d.id));
        if (fresh.length === 0) return;
        const decorated = await decorate(fresh);
        fresh.forEach((delivery, index) => {
          const time = uuidTimestamp(delivery.id) ?? now();
          sent.set(delivery.id, time);
          highWater = Math.max(highWater, time);
          write(
            `id: ${delivery.id}\nevent: delivery\ndata: ${JSON.stringify(decorated[index])}\n\n`,
          );
        });
        for (const [id, time] of sent) if (time < highWater - 2 * LOOKBACK_MS) sent.delete(id);
      };

      const catchUp = async () => {
        let cursor = uuidLowerBound(highWater - LOOKBACK_MS);
        for (;;) {
          const page = await listDeliveries({ binId, limit: PAGE, after: cursor });
          await emit(page.deliveries);
          if (page.deliveries.length < PAGE || closed) return;
          cursor = page.deliveries.at(-1)!.id;
        }
      };

      // One reader at a time; work that arrives meanwhile is picked up by the same loop.
      const pump = async () => {
        if (running || closed) return;
        running = true;
        try {
          while (!closed && (catchUpWanted || pendingIds.size > 0)) {
            if (catchUpWanted) {
              catchUpWanted = false;
              pendingIds.clear();
              await catchUp();
            } else {
              const ids = [...pendingIds].slice(0, PAGE);
              for (const id of ids) pendingIds.delete(id);
              await emit(await getDeliverySummaries({ binId, ids }));
            }
          }
        } catch (error) {
          log("warn", "live stream read failed", {
            binId,
            error: error instanceof Error ? error.message : String(error),
          });
          // Retry by catching up shortly, so a database blip does not leave a gap.
          catchUpWanted = true;
          setTimeout(() => void pump(), 1000).unref();
        } finally {
          running = false;
        }
      };

      const unsubscribe = getEventBus().subscribe(
        binId,
        (event) => {
          if (event.deliveryId === null) {
            // Settings, secret or deletions changed: the view re-reads the bin and its list.
            write(`event: bin-changed\ndata: ${JSON.stringify({ binId })}\n\n`);
            return;
          }
          pendingIds.add(event.deliveryId);
          // A short gather window: at hundreds of deliveries a second, one read serves many.
          if (!gatherTimer) {
            gatherTimer = setTimeout(() => {
              gatherTimer = null;
              void pump();
            }, GATHER_MS);
          }
        },
        () => {
          catchUpWanted = true;
          void pump();
        },
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
        if (gatherTimer) clearTimeout(gatherTimer);
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
      void pump();
    },
    cancel() {
      cleanup();
    },
  });
}
