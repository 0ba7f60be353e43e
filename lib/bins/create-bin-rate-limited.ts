import { createBin, type CreatedBin } from "@/lib/bins/create-bin";
import { enforceCreateRateLimit } from "@/lib/bins/enforce-create-rate-limit";

/** POST /api/bins: bin creation is limited per client address, counted across instances. */
export async function createBinRateLimited({
  clientIp,
}: {
  clientIp: string;
}): Promise<CreatedBin> {
  await enforceCreateRateLimit({ clientIp });
  return createBin();
}
