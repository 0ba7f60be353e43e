import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import { getPgPool } from "@/lib/get-pg-pool";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

export interface RejectionCounter {
  add: (binId: string) => void;
  flush: () => Promise<void>;
}

// A flood of refused requests must not cost a write each: counts are summed in memory and
// added to bins.rejected_count once a second.
export function getRejectionCounter(): RejectionCounter {
  return getSingleton("rejectionCounter", () => {
    const pending = new Map<string, number>();
    let timer: NodeJS.Timeout | null = null;
    const flush = async () => {
      timer = null;
      if (pending.size === 0) return;
      const entries = [...pending];
      pending.clear();
      await runNamedStatement({
        pool: getPgPool(),
        statement: CAPTURE_STATEMENTS.addRejected,
        values: [entries.map(([binId]) => binId), entries.map(([, count]) => count)],
      }).catch((error: unknown) =>
        log("warn", "could not count rejected deliveries", {
          bins: entries.length,
          error: String(error),
        }),
      );
    };
    return {
      add(binId) {
        pending.set(binId, (pending.get(binId) ?? 0) + 1);
        if (!timer) {
          timer = setTimeout(() => void flush(), 1000);
          timer.unref();
        }
      },
      flush,
    };
  });
}
