import { getDb } from "@/lib/db";
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
      const entries = [...pending];
      pending.clear();
      for (const [binId, count] of entries) {
        await getDb()
          .$executeRaw`UPDATE bins SET rejected_count = rejected_count + ${count} WHERE id = ${binId}`.catch(
          (error: unknown) =>
            log("warn", "could not count rejected deliveries", { binId, error: String(error) }),
        );
      }
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
