import { createBodyBudget, type BodyBudget } from "@/lib/capture/create-body-budget";
import { getEnv } from "@/lib/env";
import { getSingleton } from "@/lib/singleton";

// Always leave at least this much beside one full-size body, so small bodies never wait
// for the large-body lane.
const MIN_SHARED_ZONE = 1024 * 1024;

export function getBodyBudget(): BodyBudget {
  return getSingleton("bodyBudget", () => {
    const env = getEnv();
    const capacity = Math.max(env.MAX_BUFFERED_BODY_BYTES, env.MAX_BODY_BYTES + MIN_SHARED_ZONE);
    return createBodyBudget({
      capacity,
      maxBodyBytes: env.MAX_BODY_BYTES,
      perClientBytes:
        env.MAX_BUFFERED_BODY_BYTES_PER_CLIENT ?? Math.floor((capacity - env.MAX_BODY_BYTES) / 2),
    });
  });
}
