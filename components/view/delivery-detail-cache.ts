import type { DeliveryView } from "@/components/view/delivery-view";

export interface LoadedDelivery {
  detail: DeliveryView;
  body: Uint8Array;
}

interface Entry {
  delivery: LoadedDelivery;
  /** Shown until a refetch replaces it (the verdict or the retry timeline changed). */
  stale: boolean;
}

// The bytes of a delivery never change, but its verdict (secret changed) and its analysis
// timeline (new attempts) can: entries are marked stale and refetched, not dropped.
const CACHE_SIZE = 30;
const entries = new Map<string, Entry>();

function keyOf(binId: string, deliveryId: string): string {
  return `${binId}/${deliveryId}`;
}

/** Session cache of delivery details shared by every detail pane. */
export const deliveryDetailCache = {
  get(binId: string, deliveryId: string): Entry | undefined {
    return entries.get(keyOf(binId, deliveryId));
  },
  set(binId: string, deliveryId: string, delivery: LoadedDelivery) {
    const key = keyOf(binId, deliveryId);
    entries.delete(key);
    entries.set(key, { delivery, stale: false });
    while (entries.size > CACHE_SIZE) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  },
  /** One delivery, or (deliveryId null) every cached delivery of the bin. */
  markStale(binId: string, deliveryId: string | null) {
    for (const [key, entry] of entries) {
      if (deliveryId === null ? key.startsWith(`${binId}/`) : key === keyOf(binId, deliveryId)) {
        entry.stale = true;
      }
    }
  },
  /** Every cached delivery of one analysis: a new attempt changes their retry timeline. */
  markAnalysisStale(binId: string, analysisId: string) {
    for (const [key, entry] of entries) {
      if (key.startsWith(`${binId}/`) && entry.delivery.detail.analysisId === analysisId) {
        entry.stale = true;
      }
    }
  },
  forget(binId: string, deliveryId: string | null) {
    for (const key of [...entries.keys()]) {
      if (deliveryId === null ? key.startsWith(`${binId}/`) : key === keyOf(binId, deliveryId)) {
        entries.delete(key);
      }
    }
  },
};
