export interface SharedReads<T> {
  /** The answer for `key`: a read in flight or finished less than `ttlMs` ago, else a new one. */
  read: (key: string, load: () => Promise<T>) => Promise<T>;
  size: () => number;
}

interface Entry<T> {
  promise: Promise<T>;
  /** When the read finished; null while in flight. */
  settledAt: number | null;
}

/**
 * Many viewers of one busy bin refresh the same aggregate after every burst: they share one
 * read in flight and reuse its answer for `ttlMs`, so the database sees at most about one
 * read per key and ttl whatever the number of viewers. A failure is shared only by the callers
 * already waiting; the next caller tries again. At most `maxEntries` keys are remembered.
 */
export function createSharedReads<T>({
  ttlMs,
  maxEntries,
  now = () => Date.now(),
}: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): SharedReads<T> {
  const entries = new Map<string, Entry<T>>();

  const isFresh = (entry: Entry<T>) => entry.settledAt === null || now() - entry.settledAt < ttlMs;

  const prune = () => {
    for (const [key, entry] of entries) {
      if (entries.size < maxEntries) return;
      // Oldest first (insertion order); reads in flight stay, their callers wait for them.
      if (entry.settledAt !== null) entries.delete(key);
    }
  };

  return {
    read(key, load) {
      const existing = entries.get(key);
      if (existing && isFresh(existing)) return existing.promise;
      entries.delete(key);
      prune();
      const entry: Entry<T> = { promise: load(), settledAt: null };
      entries.set(key, entry);
      entry.promise.then(
        () => {
          entry.settledAt = now();
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return entry.promise;
    },
    size: () => entries.size,
  };
}
