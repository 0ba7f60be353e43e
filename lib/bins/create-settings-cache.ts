import DataLoader from "dataloader";

export interface SettingsCache<T> {
  get: (binId: string) => Promise<T>;
  /** The bin's value if it is loaded and fresh, without waiting a turn; else undefined. */
  peek: (binId: string) => T | undefined;
  /** Whether a load of the bin is in flight (`get` then waits for it). */
  loading: (binId: string) => boolean;
  /** A count that moves on every `invalidate` and `reset`: taken before reading a bin, for `prime`. */
  changes: () => number;
  /**
   * Stores a value learned elsewhere (capture's insert found the bin holding the defaults),
   * unless the bin has a fresh entry (loading or loaded) or anything was invalidated since
   * `changes()` gave `since`: the value may predate that change.
   */
  prime: (binId: string, value: T, since: number) => void;
  /** The bin changed: its next `get` reads it again. */
  invalidate: (binId: string) => void;
  /**
   * Drops every entry. `announced`: whether every change from now on reaches `invalidate`
   * (entries then live `ttlMs`); otherwise they live `unannouncedTtlMs`.
   */
  reset: (announced: boolean) => void;
}

interface Entry<T> {
  value: Promise<T>;
  expires: number;
  /** Set once the load succeeded, for `peek`. */
  loaded?: { value: T };
}

export interface CreateSettingsCacheOptions<T> {
  /**
   * Every bin asked for, one value per id in the same order (a bin without a row too); an
   * Error in a bin's place fails that bin's load alone.
   */
  loadMany: (binIds: readonly string[]) => Promise<Array<T | Error>>;
  /** Lifetime of an entry while changes are announced: a safety net for a lost announcement. */
  ttlMs?: number;
  /** Lifetime while they are not (before the first `reset(true)`, after a `reset(false)`). */
  unannouncedTtlMs?: number;
  /** Above this, the entries loaded first go first. */
  maxEntries?: number;
  /** Bins loaded by one statement at most. */
  maxBatchSize?: number;
  now?: () => number;
}

/**
 * Capture needs each bin's simulated response without a query per delivery. Changes are
 * announced (`invalidate`, from this instance and, through the live bus, from every other),
 * so an entry can live long; until announcements are known to arrive it lives
 * `unannouncedTtlMs`, the delay with which another instance's change may then apply.
 * Concurrent misses share one load, and misses of different bins in one turn of the event
 * loop share one statement.
 */
export function createSettingsCache<T>({
  loadMany,
  ttlMs = 60_000,
  unannouncedTtlMs = 1000,
  maxEntries = 10_000,
  maxBatchSize = 500,
  now = Date.now,
}: CreateSettingsCacheOptions<T>): SettingsCache<T> {
  // In load order (a reload re-inserts), so the first entry is the oldest.
  const entries = new Map<string, Entry<T>>();
  let lifetimeMs = unannouncedTtlMs;
  let changeCount = 0;
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
      if (entry) entries.delete(binId);
      else if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      const value = loader.load(binId);
      const stored: Entry<T> = { value, expires: now() + lifetimeMs };
      entries.set(binId, stored);
      value.then(
        (loaded) => {
          stored.loaded = { value: loaded };
        },
        // Only this load's entry: a newer one (after an invalidate) stays.
        () => {
          if (entries.get(binId) === stored) entries.delete(binId);
        },
      );
      return value;
    },
    peek(binId) {
      const entry = entries.get(binId);
      return entry && entry.expires > now() ? entry.loaded?.value : undefined;
    },
    loading(binId) {
      const entry = entries.get(binId);
      return entry !== undefined && !entry.loaded && entry.expires > now();
    },
    changes: () => changeCount,
    prime(binId, value, since) {
      if (since !== changeCount) return;
      const entry = entries.get(binId);
      if (entry && entry.expires > now()) return;
      if (entry) entries.delete(binId);
      else if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(binId, {
        value: Promise.resolve(value),
        expires: now() + lifetimeMs,
        loaded: { value },
      });
    },
    invalidate(binId) {
      changeCount++;
      entries.delete(binId);
    },
    reset(announced) {
      changeCount++;
      // A load in flight loses its entry too, so what it read is not kept.
      entries.clear();
      lifetimeMs = announced ? ttlMs : unannouncedTtlMs;
    },
  };
}
