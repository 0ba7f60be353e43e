import pLimit, { type LimitFunction } from "p-limit";
import { getEnv } from "@/lib/env";
import { getSingleton } from "@/lib/singleton";

/**
 * Searches of held waits running at once in this process: at most half the database pool, so
 * many waits on a busy bin queue their (coalescing) searches instead of taking every
 * connection from the rest of the API. First come, first served.
 */
export function getWaitSearchLimit(): LimitFunction {
  return getSingleton("waitSearchLimit", () =>
    pLimit(Math.max(1, Math.floor(getEnv().DATABASE_POOL_SIZE / 2))),
  );
}
