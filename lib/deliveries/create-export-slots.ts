export interface ExportSlots {
  /** A release function when a slot is free for this key and in total, else null (refuse). */
  tryAcquire: (key: string) => (() => void) | null;
  inUse: () => number;
}

/**
 * Counts exports running at once, per client address and over all of them. A release is
 * idempotent, so every way an export can end (done, client gone, error) may call it.
 */
export function createExportSlots({
  perKey,
  total,
}: {
  perKey: number;
  total: number;
}): ExportSlots {
  const byKey = new Map<string, number>();
  let used = 0;
  return {
    tryAcquire(key) {
      const held = byKey.get(key) ?? 0;
      if (held >= perKey || used >= total) return null;
      byKey.set(key, held + 1);
      used++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        used--;
        const left = (byKey.get(key) ?? 1) - 1;
        if (left > 0) byKey.set(key, left);
        else byKey.delete(key);
      };
    },
    inUse: () => used,
  };
}
