import { getEnv } from "@/lib/env";
import { sweepDeliveries } from "@/lib/housekeeping/sweep-deliveries";
import { log } from "@/lib/log";

/** The periodic retention sweep of a server process; returns a stop function. */
export function startSweeper({ now = () => new Date() }: { now?: () => Date } = {}): () => void {
  const env = getEnv();
  const run = () =>
    sweepDeliveries({
      now,
      retentionDays: env.RETENTION_DAYS,
      maxPerBin: env.MAX_DELIVERIES_PER_BIN,
    })
      .then((result) => {
        if (result.expired + result.overCap > 0) log("info", "retention sweep", { ...result });
      })
      .catch((error: unknown) => log("warn", "retention sweep failed", { error: String(error) }));
  const timer = setInterval(() => void run(), env.SWEEP_INTERVAL_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
