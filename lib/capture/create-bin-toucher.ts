export interface BinToucher {
  touch: (binId: string, at: Date) => void;
}

export interface CreateBinToucherOptions {
  update: (binId: string, at: Date) => Promise<void>;
  onError: (error: unknown) => void;
  intervalMs?: number;
  now?: () => number;
}

/**
 * Keeps bins.last_delivery_at fresh without a row lock on the hot path: at most one UPDATE per
 * bin per interval, after the delivery committed, fire-and-forget.
 */
export function createBinToucher({
  update,
  onError,
  intervalMs = 1000,
  now = Date.now,
}: CreateBinToucherOptions): BinToucher {
  const lastTouched = new Map<string, number>();
  return {
    touch(binId, at) {
      const current = now();
      const previous = lastTouched.get(binId);
      if (previous !== undefined && current - previous < intervalMs) return;
      lastTouched.set(binId, current);
      if (lastTouched.size > 10_000) {
        for (const [key, time] of lastTouched) {
          if (current - time >= intervalMs) lastTouched.delete(key);
        }
      }
      update(binId, at).catch(onError);
    },
  };
}
