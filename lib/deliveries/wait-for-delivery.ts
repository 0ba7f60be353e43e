import { decorateDeliveries } from "@/lib/deliveries/decorate-deliveries";
import type { DeliveryFilter } from "@/lib/deliveries/delivery-filter";
import { findFilteredDeliveryIds } from "@/lib/deliveries/find-filtered-delivery-ids";
import { getDeliverySummaries } from "@/lib/deliveries/get-delivery-summaries";
import { getWaitSearchLimit } from "@/lib/deliveries/get-wait-search-limit";
import type { DeliveryWaited } from "@/lib/deliveries/wait-for-delivery.types";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";
import { registerLiveStream } from "@/lib/live/close-live-streams";
import { acquireStreamSlot } from "@/lib/deliveries/acquire-stream-slot";
import { getEventBus } from "@/lib/live/get-event-bus";
import { waitForMatch } from "@/lib/live/wait-for-match";

export interface WaitForDeliveryOptions {
  binId: string;
  /** A delivery id, or "now" (the bin's newest id at call time). */
  after: string;
  timeoutMs: number;
  filter: DeliveryFilter;
  /** The caller's address (set by server.ts): its held waits are capped. */
  clientIp: string;
  /** The request's signal: a client that hangs up frees its slot at once. */
  signal: AbortSignal;
}

// Below every id: "now" on an empty bin waits for its first delivery.
const NIL_ID = "00000000-0000-0000-0000-000000000000";

/**
 * Long poll: the first delivery after `after` that matches the list's filter, or null when the
 * time is up. A held wait counts as a live stream (the same per-client, per-bin and instance
 * caps, taken before any database work) and holds no database connection while it waits:
 * only a bus subscription, re-searching when a delivery of the bin is announced.
 */
export async function waitForDelivery({
  binId,
  after,
  timeoutMs,
  filter,
  clientIp,
  signal,
}: WaitForDeliveryOptions): Promise<DeliveryWaited["delivery"] | null> {
  const slot = acquireStreamSlot({ binId, clientIp, what: "waits and live streams" });
  // Shutdown ends the wait with 503 (retry elsewhere), never with a 204 that reads "nothing came".
  const shutdown = new AbortController();
  const unregister = registerLiveStream(() => shutdown.abort());
  const stop = AbortSignal.any([signal, shutdown.signal]);
  try {
    const db = getDb();
    const [bin, newest] = await Promise.all([
      db.bin.findUnique({ where: { id: binId }, select: { id: true } }),
      after === "now"
        ? db.delivery.findFirst({ where: { binId }, orderBy: { id: "desc" }, select: { id: true } })
        : null,
    ]);
    if (!bin) throw new AppError("NOT_FOUND", `Bin ${binId} not found`);
    const cursor = after === "now" ? (newest?.id ?? NIL_ID) : after;
    const search = async (ids: string[] | undefined) => {
      // A full search follows a bin-changed event (or a bus reconnect): the bin may be gone,
      // and a wait on a deleted bin should fail now, not at its timeout.
      if (!ids && !(await db.bin.findUnique({ where: { id: binId }, select: { id: true } }))) {
        throw new AppError("NOT_FOUND", `Bin ${binId} was deleted`);
      }
      const [id] = await findFilteredDeliveryIds({
        binId,
        filter,
        limit: 1,
        after: cursor,
        ids: ids?.filter(isDeliveryId),
      });
      if (!id) return null;
      // Deleted in between: keep waiting for the next one.
      const summaries = await getDeliverySummaries({ binId, ids: [id] });
      if (summaries.length === 0) return null;
      const [delivery] = await decorateDeliveries({ binId, deliveries: summaries });
      return delivery ?? null;
    };
    const match = await waitForMatch({
      bus: getEventBus(),
      binId,
      timeoutMs,
      signal: stop,
      gatherMs: 25,
      // A wait that ended while its search was queued skips it.
      find: ({ ids }) => getWaitSearchLimit()(() => (stop.aborted ? null : search(ids))),
    });
    if (match === null && shutdown.signal.aborted) {
      throw new AppError("UNAVAILABLE", "The server is shutting down; retry the wait", {
        retryAfterSeconds: 1,
      });
    }
    return match;
  } finally {
    unregister();
    slot.release();
  }
}
