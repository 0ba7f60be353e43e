export interface BinToucher {
  touch: (binId: string, at: Date) => void;
  flush: () => Promise<void>;
}

export interface CreateBinToucherOptions {
  update: (entries: Array<[binId: string, at: Date]>) => Promise<void>;
  onError: (error: unknown) => void;
  intervalMs?: number;
  /** Touches logged before they are folded into the latest time per bin. */
  maxLogged?: number;
}

/**
 * Keeps bins.last_delivery_at fresh without a row lock on the hot path: the latest time per
 * bin is remembered and written for all bins at once, at most once per interval, after the
 * deliveries committed.
 *
 * A touch only appends to a log; the log is folded into the per-bin map at the flush, or
 * whenever it holds `maxLogged` touches. Looked up per touch, the map of a thousand bins cost
 * ~0.5 µs of cache misses per capture (scenario 1b); folded in one tight loop it stays in the
 * cache.
 */
export function createBinToucher({
  update,
  onError,
  intervalMs = 1000,
  maxLogged = 4096,
}: CreateBinToucherOptions): BinToucher {
  const latest = new Map<string, number>();
  // Two arrays, so the times stay unboxed doubles.
  let loggedBins: string[] = [];
  let loggedTimes: number[] = [];
  let timer: NodeJS.Timeout | null = null;
  const fold = () => {
    for (let i = 0; i < loggedBins.length; i++) {
      const binId = loggedBins[i]!;
      const ms = loggedTimes[i]!;
      const seen = latest.get(binId);
      if (seen === undefined || seen < ms) latest.set(binId, ms);
    }
    loggedBins = [];
    loggedTimes = [];
  };
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    fold();
    if (latest.size === 0) return;
    const entries = Array.from(latest, ([binId, ms]): [string, Date] => [binId, new Date(ms)]);
    latest.clear();
    await update(entries).catch(onError);
  };
  return {
    touch(binId, at) {
      loggedBins.push(binId);
      loggedTimes.push(at.getTime());
      if (loggedBins.length >= maxLogged) fold();
      if (!timer) {
        timer = setTimeout(() => void flush(), intervalMs);
        timer.unref();
      }
    },
    flush,
  };
}
