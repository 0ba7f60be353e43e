// Date.now as it was before Next wrapped it (see read-clock.ts): the wrapper asks Next's async
// storages whether a prerender reads the clock, on every call. Capture's caches and guards read
// the clock several times per delivery, never inside a render.
const systemNow = Date.now;

/** Milliseconds since the epoch, without Next's render-time clock instrumentation. */
export function readClockMs(): number {
  return systemNow();
}
