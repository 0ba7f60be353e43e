// Next 16 replaces the global Date while it prepares (node-environment-extensions/date.js):
// every `new Date()` then asks Next's async storages whether a prerender is reading the clock,
// ~5x the cost of the original (333 against 59 ns in a loop). This module is evaluated with
// the server bundle, before Next is prepared, so it keeps the original constructor. Capture
// never runs inside a render, where the check would matter. Evaluated after the patch (in a
// bundle of Next's own), it simply gets the wrapper, which returns the same Dates.
const SystemDate = Date;

/** The current time, without Next's render-time clock instrumentation. */
export function readClock(): Date {
  return new SystemDate();
}
