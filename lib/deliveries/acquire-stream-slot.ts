import { AppError } from "@/lib/errors";
import type { StreamSlotLimit } from "@/lib/live/create-stream-slots";
import { getStreamSlots } from "@/lib/live/get-stream-slots";

// Streams end and free slots all the time; a short wait is enough.
const RETRY_AFTER_SECONDS = 5;

const REFUSALS: Record<StreamSlotLimit, (what: string) => string> = {
  client: (what) => `Too many open ${what} from your address; close some or retry later`,
  bin: (what) => `Too many open ${what} for this bin; retry later`,
  instance: (what) => `This server has too many open ${what}; retry later`,
};

/**
 * A live-stream slot (per client address, per bin, per instance) taken before any database
 * work, or 429 naming the cap that refused it. `what` names the streams in the message.
 */
export function acquireStreamSlot({
  binId,
  clientIp,
  what,
}: {
  binId: string;
  clientIp: string;
  what: "live streams" | "waits and live streams";
}): { release: () => void } {
  const slot = getStreamSlots().tryAcquire({ clientKey: clientIp, binId });
  if (!slot.ok) {
    throw new AppError("RATE_LIMITED", REFUSALS[slot.limit](what), {
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  }
  return slot;
}
