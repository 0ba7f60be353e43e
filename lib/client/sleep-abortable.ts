export interface SleepOptions {
  ms: number;
  signal?: AbortSignal;
}

/** Waits ms, or less when the signal aborts (never rejects): loops check the signal after. */
export function sleepAbortable({ ms, signal }: SleepOptions): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
