import { getEnv } from "@/lib/env";
import { createStreamSlots, type StreamSlots } from "@/lib/live/create-stream-slots";
import { getSingleton } from "@/lib/singleton";

/** The process's live-stream caps (per instance: each instance counts its own streams). */
export function getStreamSlots(): StreamSlots {
  return getSingleton("liveStreamSlots", () => {
    const env = getEnv();
    return createStreamSlots({
      perClient: env.MAX_LIVE_STREAMS_PER_CLIENT,
      perBin: env.MAX_LIVE_STREAMS_PER_BIN,
      perInstance: env.MAX_LIVE_STREAMS,
    });
  });
}
