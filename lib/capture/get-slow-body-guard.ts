import { createSlowBodyGuard, type SlowBodyGuard } from "@/lib/capture/create-slow-body-guard";
import { getEnv } from "@/lib/env";
import { readClockMs } from "@/lib/read-clock-ms";
import { getSingleton } from "@/lib/singleton";

// Like the HTTP server's connectionsCheckingInterval: one timer for all bodies, none per request.
const CHECK_INTERVAL_MS = 1000;

export function getSlowBodyGuard(): SlowBodyGuard {
  return getSingleton("slowBodyGuard", () => {
    const env = getEnv();
    const guard = createSlowBodyGuard({
      minBytesPerSecond: env.MIN_BODY_BYTES_PER_SECOND,
      graceMs: env.MIN_BODY_RATE_GRACE_MS,
      now: readClockMs,
    });
    if (env.MIN_BODY_BYTES_PER_SECOND > 0) {
      setInterval(() => guard.check(), CHECK_INTERVAL_MS).unref();
    }
    return guard;
  });
}
