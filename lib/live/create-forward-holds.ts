/** Why a held capture stopped waiting. */
export type HoldOutcome = "answer_ready" | "timeout" | "disconnected" | "sender_gone";

export interface ForwardHold {
  /**
   * Waits (after the row committed) until the forwarder's answer is ready, the timeout passes,
   * every responder of the bin is gone, or `release` is called. Resolves once; never rejects.
   */
  wait: (options: { timeoutMs: number }) => Promise<HoldOutcome>;
  /** Ends the hold now (the sender hung up, the store failed); frees its slot. Idempotent. */
  release: (outcome?: HoldOutcome) => void;
}

export interface ForwardHolds {
  /** A responder's heartbeat (alive) or its goodbye (not alive). */
  noteResponder: (options: { binId: string; responderId: string; alive: boolean }) => void;
  hasResponder: (binId: string) => boolean;
  /** A hold slot for a capture to this bin, or null when the per-bin or total cap is reached. */
  tryHold: (options: { binId: string; deliveryId: string }) => ForwardHold | null;
  /** The answer (or the forwarder's error) for this delivery was written: wake its holder. */
  answerReady: (deliveryId: string) => void;
  /** Ids of the captures held here now (to re-check after notifications may have been lost). */
  heldIds: () => string[];
  /** Forgets responders whose heartbeat stopped, releasing their bins' holds. */
  sweep: () => void;
  /** How many captures are held here now (tests, logs). */
  heldCount: () => number;
}

export interface CreateForwardHoldsOptions {
  maxPerBin: number;
  maxTotal: number;
  /** A responder not heard from for this long counts as gone (its instance may have crashed). */
  responderTtlMs: number;
  now?: () => number;
}

interface HoldEntry {
  binId: string;
  settle: (outcome: HoldOutcome) => void;
}

/**
 * In-memory state of `forward --respond` on one instance: which bins have a live responder
 * (anywhere: heartbeats come over the bus) and which captures are held here. Pure: no
 * database, no timers of its own except each hold's timeout; the caller wires the bus.
 */
export function createForwardHolds({
  maxPerBin,
  maxTotal,
  responderTtlMs,
  now = Date.now,
}: CreateForwardHoldsOptions): ForwardHolds {
  const responders = new Map<string, Map<string, number>>();
  const holds = new Map<string, HoldEntry>();
  const perBin = new Map<string, number>();

  const releaseBin = (binId: string) => {
    for (const entry of [...holds.values()]) {
      if (entry.binId === binId) entry.settle("disconnected");
    }
  };

  const dropResponder = (binId: string, responderId: string) => {
    const set = responders.get(binId);
    if (!set?.delete(responderId)) return;
    if (set.size === 0) {
      responders.delete(binId);
      releaseBin(binId);
    }
  };

  return {
    noteResponder({ binId, responderId, alive }) {
      if (!alive) return dropResponder(binId, responderId);
      let set = responders.get(binId);
      if (!set) responders.set(binId, (set = new Map()));
      set.set(responderId, now() + responderTtlMs);
    },
    // Asked on every capture: with no responder anywhere (the usual case) no lookup, and no
    // copy of a bin's responders.
    hasResponder(binId) {
      if (responders.size === 0) return false;
      const set = responders.get(binId);
      if (!set) return false;
      const at = now();
      for (const expiresAt of set.values()) if (expiresAt > at) return true;
      return false;
    },
    tryHold({ binId, deliveryId }) {
      const binCount = perBin.get(binId) ?? 0;
      if (binCount >= maxPerBin || holds.size >= maxTotal) return null;
      perBin.set(binId, binCount + 1);
      let early: HoldOutcome | null = null;
      let wake: ((outcome: HoldOutcome) => void) | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const entry: HoldEntry = {
        binId,
        settle: (outcome) => {
          if (holds.get(deliveryId) !== entry) return;
          holds.delete(deliveryId);
          const left = (perBin.get(binId) ?? 1) - 1;
          if (left > 0) perBin.set(binId, left);
          else perBin.delete(binId);
          clearTimeout(timer);
          if (wake) wake(outcome);
          else early = outcome;
        },
      };
      holds.set(deliveryId, entry);
      return {
        wait: ({ timeoutMs }) =>
          new Promise<HoldOutcome>((resolve) => {
            if (early !== null || holds.get(deliveryId) !== entry) {
              resolve(early ?? "timeout");
              return;
            }
            wake = resolve;
            timer = setTimeout(() => entry.settle("timeout"), timeoutMs);
          }),
        release: (outcome = "sender_gone") => entry.settle(outcome),
      };
    },
    answerReady(deliveryId) {
      holds.get(deliveryId)?.settle("answer_ready");
    },
    heldIds: () => [...holds.keys()],
    sweep() {
      const at = now();
      for (const [binId, set] of [...responders]) {
        for (const [responderId, expiresAt] of [...set]) {
          if (expiresAt <= at) dropResponder(binId, responderId);
        }
      }
    },
    heldCount: () => holds.size,
  };
}
