import type { BinStats } from "@/lib/deliveries/get-bin-stats.types";
import { createSharedReads, type SharedReads } from "@/lib/deliveries/create-shared-reads";
import { getSingleton } from "@/lib/singleton";

// Overviews refresh after live bursts (throttled in the browser); one second of reuse keeps a
// bin watched by many viewers at about one aggregate query per second per window.
export function getStatsReads(): SharedReads<BinStats> {
  return getSingleton("statsReads", () =>
    createSharedReads<BinStats>({ ttlMs: 1000, maxEntries: 1000 }),
  );
}
