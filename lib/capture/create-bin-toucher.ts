export interface BinToucher {
  touch: (binId: string, at: Date) => void;
  flush: () => Promise<void>;
}

export interface CreateBinToucherOptions {
  update: (entries: Array<[binId: string, at: Date]>) => Promise<void>;
  onError: (error: unknown) => void;
  intervalMs?: number;
}

/**
 * Keeps bins.last_delivery_at fresh without a row lock on the hot path: the latest time per
 * bin is remembered and written for all bins at once, at most once per interval, after the
 * deliveries committed.
 */
export function createBinToucher({
  update,
  onError,
  intervalMs = 1000,
}: CreateBinToucherOptions): BinToucher {
  const latest = new Map<string, Date>();
  let timer: NodeJS.Timeout | null = null;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (latest.size === 0) return;
    const entries = [...latest];
    latest.clear();
    await update(entries).catch(onError);
  };
  return {
    touch(binId, at) {
      const previous = latest.get(binId);
      if (!previous || previous.getTime() < at.getTime()) latest.set(binId, at);
      if (!timer) {
        timer = setTimeout(() => void flush(), intervalMs);
        timer.unref();
      }
    },
    flush,
  };
}
