export interface ByteBudget {
  /** Resolves with a release function once `bytes` fit in the budget (first come, first served). */
  acquire: (bytes: number) => Promise<() => void>;
  inUse: () => number;
}

/**
 * Bounds the request bodies held in memory at once. A request waits (its socket is not read,
 * so TCP pushes back on the sender) until its share fits; many concurrent 10 MiB uploads then
 * take turns instead of multiplying memory.
 */
export function createByteBudget({ capacity }: { capacity: number }): ByteBudget {
  let used = 0;
  const waiting: Array<{ bytes: number; grant: () => void }> = [];

  const grantWaiting = () => {
    while (waiting.length > 0 && used + waiting[0]!.bytes <= capacity) {
      const next = waiting.shift()!;
      used += next.bytes;
      next.grant();
    }
  };

  return {
    acquire(requested) {
      const bytes = Math.min(Math.max(0, requested), capacity);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        used -= bytes;
        grantWaiting();
      };
      if (waiting.length === 0 && used + bytes <= capacity) {
        used += bytes;
        return Promise.resolve(release);
      }
      return new Promise((resolve) => waiting.push({ bytes, grant: () => resolve(release) }));
    },
    inUse: () => used,
  };
}
