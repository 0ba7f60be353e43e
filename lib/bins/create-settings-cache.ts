import DataLoader from "dataloader";

export interface SettingsCache<T> {
  get: (binId: string) => Promise<T>;
  invalidate: (binId: string) => void;
}

export interface CreateSettingsCacheOptions<T> {
  /**
   * Every bin asked for, one value per id in the same order (a bin without a row too); an
   * Error in a bin's place fails that bin's load alone.
   */
  loadMany: (binIds: readonly string[]) => Promise<Array<T | Error>>;
  ttlMs?: number;
  maxEntries?: number;
  /** Bins loaded by one statement at most. */
  maxBatchSize?: number;
  now?: () => number;
}

/**
 * Capture needs each bin's simulated response without a query per delivery. Entries live
 * `ttlMs` (how long another instance may serve a changed setting) and are dropped at once
 * when this instance changes them; concurrent misses share one load. Misses of different bins
 * in one turn of the event loop share one statement: with traffic over many bins every entry
 * expires every `ttlMs`, which cost a query for about every other delivery (scenario 1b).
 */
export function createSettingsCache<T>({
  loadMany,
  ttlMs = 1000,
  maxEntries = 50_000,
  maxBatchSize = 500,
  now = Date.now,
}: CreateSettingsCacheOptions<T>): SettingsCache<T> {
  const entries = new Map<string, { value: Promise<T>; expires: number }>();
  // Our entries keep values; DataLoader only batches. A batch goes after the I/O callbacks of
  // this turn (setImmediate): each request arrives in a callback of its own, so DataLoader's
  // default (after the current tick) would send one statement per request again.
  const loader = new DataLoader<string, T>(loadMany, {
    cache: false,
    maxBatchSize,
    batchScheduleFn: (callback) => setImmediate(callback),
  });
  return {
    get(binId) {
      const entry = entries.get(binId);
      if (entry && entry.expires > now()) return entry.value;
      if (entries.size >= maxEntries) entries.clear();
      const value = loader.load(binId);
      const stored = { value, expires: now() + ttlMs };
      entries.set(binId, stored);
      // Only this load's entry: a newer one (after an invalidate) stays.
      value.catch(() => {
        if (entries.get(binId) === stored) entries.delete(binId);
      });
      return value;
    },
    invalidate(binId) {
      entries.delete(binId);
    },
  };
}
