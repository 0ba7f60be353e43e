import { getEventBus } from "@/lib/live/get-event-bus";
import { log } from "@/lib/log";

/**
 * Tells every open view of the bin (on any instance) to re-read it: settings or secret
 * changed (verdicts are re-judged), deliveries were deleted, a `forward --respond` came or
 * went (its `forwardResponding`). Never fails the caller.
 */
export async function publishBinChanged({ binId }: { binId: string }): Promise<void> {
  await getEventBus()
    .publish({ binId, deliveryId: null })
    .catch((error: unknown) =>
      log("warn", "live publish failed", {
        binId,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
}
