import { getEnv } from "@/lib/env";
import { sweepDeliveries } from "@/lib/housekeeping/sweep-deliveries";
import { log } from "@/lib/log";

/**
 * The periodic retention sweep of a server process. Returns a stop function that ends a sweep in
 * flight after its current batch and resolves once it has: the database must not be closed
 * under it (a Prisma query issued after disconnect never settles, and the connection it holds
 * would keep shutdown waiting forever).
 */
export function startSweeper({
  now = () => new Date(),
}: { now?: () => Date } = {}): () => Promise<void> {
  const env = getEnv();
  let first = true;
  let running: Promise<void> = Promise.resolve();
  const stopping = new AbortController();
  const sweep = async () => {
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
        signal: stopping.signal,
      });
      const changed =
        result.expired + result.overCap > 0 ||
        result.droppedPartitions.length + result.createdPartitions.length > 0;
      if (changed) log("info", "retention sweep", { ...result });
    } catch (error) {
      log("warn", "retention sweep failed", { error: String(error) });
    }
  };
  const run = () => {
    running = sweep();
  };
  const timer = setInterval(run, env.SWEEP_INTERVAL_MS);
  timer.unref();
  run();
  return () => {
    clearInterval(timer);
    stopping.abort();
    return running;
  };
}
