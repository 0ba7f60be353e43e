import { createByteBudget, type ByteBudget } from "@/lib/capture/create-byte-budget";
import { getEnv } from "@/lib/env";
import { getSingleton } from "@/lib/singleton";

export function getBodyBudget(): ByteBudget {
  return getSingleton("bodyBudget", () => {
    const env = getEnv();
    return createByteBudget({
      capacity: Math.max(env.MAX_BUFFERED_BODY_BYTES, env.MAX_BODY_BYTES),
    });
  });
}
