import { createBin, type CreatedBin } from "@/lib/bins/create-bin";
import { getRateLimiter } from "@/lib/capture/get-rate-limiter";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** POST /api/bins: bin creation is limited per client address, counted across instances. */
export async function createBinRateLimited({
  clientIp,
}: {
  clientIp: string;
}): Promise<CreatedBin> {
  const decision = await getRateLimiter().check([
    { key: `create:${clientIp}`, limit: getEnv().RATE_LIMIT_CREATE_PER_MINUTE },
  ]);
  if (!decision.allowed) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many bins created from your address; retry in ${decision.retryAfterSeconds} s`,
      { retryAfterSeconds: decision.retryAfterSeconds },
    );
  }
  return createBin();
}
