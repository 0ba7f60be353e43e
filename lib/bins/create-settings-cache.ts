export interface SettingsCache<T> {
  get: (binId: string) => Promise<T>;
  invalidate: (binId: string) => void;
}

/**
 * Capture needs each bin's simulated response without a query per delivery. Entries live
 * `ttlMs` (how long another instance may serve a changed setting) and are dropped at once
 * when this instance changes them; concurrent misses share one load.
 */
export function createSettingsCache<T>({
  load,
  ttlMs = 1000,
  maxEntries = 50_000,
  now = Date.now,
}: {
  load: (binId: string) => Promise<T>;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}): SettingsCache<T> {
  const entries = new Map<string, { value: Promise<T>; expires: number }>();
  return {
    get(binId) {
      const entry = entries.get(binId);
      if (entry && entry.expires > now()) return entry.value;
      if (entries.size >= maxEntries) entries.clear();
      const value = load(binId);
      entries.set(binId, { value, expires: now() + ttlMs });
      value.catch(() => entries.delete(binId));
      return value;
    },
    invalidate(binId) {
      entries.delete(binId);
    },
  };
}
