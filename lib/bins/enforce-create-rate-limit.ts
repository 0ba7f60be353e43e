import { getRateLimiter } from "@/lib/rate-limits/get-rate-limiter";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Creating and claiming bins share one budget per client address
 * (RATE_LIMIT_CREATE_PER_MINUTE), counted across instances: either way the caller ends up
 * owning a bin, so claiming must not be a way around the create limit.
 */
export async function enforceCreateRateLimit({ clientIp }: { clientIp: string }): Promise<void> {
  const decision = await getRateLimiter().check([
    { key: `create:${clientIp}`, limit: getEnv().RATE_LIMIT_CREATE_PER_MINUTE },
  ]);
  if (!decision.allowed) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many bins created or claimed from your address; retry in ${decision.retryAfterSeconds} s`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
}
