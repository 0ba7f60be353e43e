import type { EventBus } from "@/lib/live/event-bus";

export interface WaitForMatchOptions<T> {
  bus: EventBus;
  binId: string;
  /**
   * The first match after the caller's fixed cursor, or null. `ids` set: look only among these
   * just-announced deliveries; absent: look at everything after the cursor.
   */
  find: (options: { ids?: string[] }) => Promise<T | null>;
  timeoutMs: number;
  /** Ends the wait with null (the client went away). */
  signal?: AbortSignal;
  /** Announcements within this window share one search. */
  gatherMs?: number;
  /** Past this many pending ids, one full search is cheaper than a list of ids. */
  maxPendingIds?: number;
}

/**
 * Resolves with the first match, or null when the time is up or the signal aborts. Subscribes
 * BEFORE the first search, and searches everything again whenever the bus (re)connects or the
 * bin changed, so a delivery committed at any moment is either found by a full search or
 * announced afterwards: nothing falls between "search" and "listen". One search at a time per
 * wait; announcements arriving during a search are searched right after it. Nothing is held
 * between searches but a bus subscription and two timers.
 */
export function waitForMatch<T>({
  bus,
  binId,
  find,
  timeoutMs,
  signal,
  gatherMs = 10,
  maxPendingIds = 200,
}: WaitForMatchOptions<T>): Promise<T | null> {
  return new Promise<T | null>((resolve, reject) => {
    let done = false;
    let running = false;
    let pendingFull = true;
    const pendingIds = new Set<string>();
    let gatherTimer: NodeJS.Timeout | null = null;
    let unsubscribe = () => {};

    const finish = (outcome: { value: T | null } | { error: unknown }) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      if (gatherTimer) clearTimeout(gatherTimer);
      unsubscribe();
      signal?.removeEventListener("abort", onAbort);
      if ("error" in outcome) reject(outcome.error);
      else resolve(outcome.value);
    };
    const onAbort = () => finish({ value: null });

    const search = async () => {
      gatherTimer = null;
      if (done || running || (!pendingFull && pendingIds.size === 0)) return;
      running = true;
      const ids = pendingFull ? undefined : [...pendingIds];
      pendingFull = false;
      pendingIds.clear();
      try {
        const match = await find(ids ? { ids } : {});
        if (match !== null) return finish({ value: match });
      } catch (error) {
        return finish({ error });
      } finally {
        running = false;
      }
      schedule();
    };
    const schedule = (delayMs = gatherMs) => {
      if (done || running || gatherTimer) return;
      if (!pendingFull && pendingIds.size === 0) return;
      gatherTimer = setTimeout(() => void search(), delayMs);
    };

    const deadline = setTimeout(() => finish({ value: null }), timeoutMs);
    if (signal?.aborted) return finish({ value: null });
    signal?.addEventListener("abort", onAbort, { once: true });
    unsubscribe = bus.subscribe(
      binId,
      (event) => {
        if (event.deliveryId === null || pendingIds.size >= maxPendingIds) pendingFull = true;
        else pendingIds.add(event.deliveryId);
        schedule();
      },
      () => {
        pendingFull = true;
        schedule();
      },
    );
    // The first search right away: the subscription may take a moment to go live (its resync
    // then searches again), and what is already there should not wait for it.
    schedule(0);
  });
}
