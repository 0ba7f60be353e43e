import { registerLiveStream } from "@/lib/live/close-live-streams";
import type { LiveStream } from "@/lib/live/create-live-hub";
import { acquireStreamSlot } from "@/lib/deliveries/acquire-stream-slot";
import { getLiveHub } from "@/lib/deliveries/get-live-hub";
import { getForwardHub } from "@/lib/live/get-forward-hub";
import { requireBinOwner } from "@/lib/bins/require-bin-owner";

export interface OpenBinEventStreamOptions {
  binId: string;
  /** Last-Event-ID (a delivery id): replay what came after it. Absent: only new deliveries. */
  lastEventId: string | null;
  /** The caller's address (set by server.ts): its open streams are capped. */
  clientIp: string;
  signal: AbortSignal;
  /**
   * `forward --respond` (?respond=1): the owner's token. While this stream is open, captures to
   * the bin wait for the local app's answer; when it ends, they are released at once.
   */
  respond?: { token: string | null };
}

/**
 * Server-Sent Events for one bin: `event: ready`, then `event: delivery` (`id:` = delivery id,
 * data = summary) and `event: bin-changed`. Capped per client address, per bin and per
 * instance before any database work (429); the slot is held until the stream ends, however
 * it ends (client gone, shutdown, dropped as too slow, error).
 */
export async function openBinEventStream({
  binId,
  lastEventId,
  clientIp,
  signal,
  respond,
}: OpenBinEventStreamOptions): Promise<ReadableStream<Uint8Array>> {
  // It changes what senders see: owner only (401/403), checked before a slot is taken.
  if (respond) await requireBinOwner({ binId, token: respond.token });
  const slot = acquireStreamSlot({ binId, clientIp, what: "live streams" });
  let ended = false;
  let unregister = () => {};
  let unregisterResponder = () => {};
  let live: LiveStream;
  try {
    live = getLiveHub().open({
      binId,
      lastEventId,
      signal,
      onEnd: () => {
        ended = true;
        slot.release();
        unregister();
        unregisterResponder();
      },
    });
  } catch (error) {
    slot.release();
    throw error;
  }
  // Shutdown ends it like any other way out (onEnd then unregisters it).
  if (!ended) unregister = registerLiveStream(live.close);
  if (!ended && respond) unregisterResponder = getForwardHub().registerResponder(binId);
  return live.stream;
}
