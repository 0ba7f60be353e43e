export interface CreateStreamSlotsOptions {
  /** Open streams one client address may hold. */
  perClient: number;
  /** Open streams one bin may have. */
  perBin: number;
  /** Open streams in this process. */
  perInstance: number;
}

/** Which cap refused a stream. */
export type StreamSlotLimit = "client" | "bin" | "instance";

export type StreamSlotResult =
  | { ok: true; /** Gives the slot back; later calls do nothing. */ release: () => void }
  | { ok: false; limit: StreamSlotLimit };

export interface StreamSlots {
  tryAcquire: (options: { clientKey: string; binId: string }) => StreamSlotResult;
  /** Open streams now (tests, logs). */
  count: (options?: { clientKey?: string; binId?: string }) => number;
}

function increment(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}

/**
 * Counts open live streams per client address, per bin and in total, in this process. Every
 * stream holds one slot from before any work until it ends; the release is idempotent, so a
 * stream that ends several ways at once (abort + cancel + shutdown) gives back exactly one.
 */
export function createStreamSlots({
  perClient,
  perBin,
  perInstance,
}: CreateStreamSlotsOptions): StreamSlots {
  const byClient = new Map<string, number>();
  const byBin = new Map<string, number>();
  let total = 0;
  return {
    tryAcquire({ clientKey, binId }) {
      if ((byClient.get(clientKey) ?? 0) >= perClient) return { ok: false, limit: "client" };
      if ((byBin.get(binId) ?? 0) >= perBin) return { ok: false, limit: "bin" };
      if (total >= perInstance) return { ok: false, limit: "instance" };
      increment(byClient, clientKey, 1);
      increment(byBin, binId, 1);
      total++;
      let held = true;
      return {
        ok: true,
        release: () => {
          if (!held) return;
          held = false;
          increment(byClient, clientKey, -1);
          increment(byBin, binId, -1);
          total--;
        },
      };
    },
    count({ clientKey, binId } = {}) {
      if (clientKey !== undefined) return byClient.get(clientKey) ?? 0;
      if (binId !== undefined) return byBin.get(binId) ?? 0;
      return total;
    },
  };
}
