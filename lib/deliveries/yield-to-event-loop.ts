/** Lets pending I/O (other requests, health checks) run before continuing a long job. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
