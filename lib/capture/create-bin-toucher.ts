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
  // A holder per bin, so a bin touched again within the interval costs one lookup, not a get
  // and a set.
  const latest = new Map<string, { at: Date }>();
  let timer: NodeJS.Timeout | null = null;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (latest.size === 0) return;
    const entries = Array.from(latest, ([binId, { at }]): [string, Date] => [binId, at]);
    latest.clear();
    await update(entries).catch(onError);
  };
  return {
    touch(binId, at) {
      const seen = latest.get(binId);
      if (!seen) latest.set(binId, { at });
      else if (seen.at.getTime() < at.getTime()) seen.at = at;
      if (!timer) {
        timer = setTimeout(() => void flush(), intervalMs);
        timer.unref();
      }
    },
    flush,
  };
}
