import { getEnv } from "@/lib/env";
import { sweepDeliveries } from "@/lib/housekeeping/sweep-deliveries";
import { log } from "@/lib/log";

/** The periodic retention sweep of a server process; returns a stop function. */
export function startSweeper({ now = () => new Date() }: { now?: () => Date } = {}): () => void {
  const env = getEnv();
  let first = true;
  const run = async () => {
    // The first sweep checks every bin; later ones only bins active in the last few rounds.
    const activeSince = first
      ? undefined
      : new Date(now().getTime() - 3 * env.SWEEP_INTERVAL_MS - 5000);
    first = false;
    try {
      const result = await sweepDeliveries({
        now,
        retentionDays: env.RETENTION_DAYS,
        maxPerBin: env.MAX_DELIVERIES_PER_BIN,
        activeSince,
      });
      const changed =
        result.expired + result.overCap > 0 ||
        result.droppedPartitions.length + result.createdPartitions.length > 0;
      if (changed) log("info", "retention sweep", { ...result });
    } catch (error) {
      log("warn", "retention sweep failed", { error: String(error) });
    }
  };
  const timer = setInterval(() => void run(), env.SWEEP_INTERVAL_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
