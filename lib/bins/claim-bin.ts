import { randomBytes } from "node:crypto";
import { enforceCreateRateLimit } from "@/lib/bins/enforce-create-rate-limit";
import { hashOwnerToken } from "@/lib/bins/hash-owner-token";
import { isValidBinId } from "@/lib/ids/bin-id";
import { createRandomToken } from "@/lib/ids/create-random-token";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishBinChanged } from "@/lib/live/publish-bin-changed";

/**
 * A bin created by a first delivery has no owner; the first claimant becomes it. Only a bin
 * that exists can be claimed (404 otherwise: claim never creates one, so a deleted or
 * never-used id cannot be squatted), within the create budget of the caller's address. One
 * conditional UPDATE, so two racing claims cannot both win.
 */
export async function claimBin({
  binId,
  clientIp,
}: {
  binId: string;
  clientIp: string;
}): Promise<{ ownerToken: string }> {
  if (!isValidBinId(binId)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  await enforceCreateRateLimit({ clientIp });
  const ownerToken = createRandomToken({ random: randomBytes, bytes: 32 });
  const db = getDb();
  const claimed = await db.bin.updateMany({
    where: { id: binId, ownerTokenHash: null },
    data: { ownerTokenHash: hashOwnerToken(ownerToken) },
  });
  if (claimed.count !== 1) {
    const exists = await db.bin.findUnique({ where: { id: binId }, select: { id: true } });
    if (!exists) throw new AppError("NOT_FOUND", `Bin ${binId} not found`);
    throw new AppError("CONFLICT", "This bin already has an owner");
  }
  await publishBinChanged({ binId });
  return { ownerToken };
}
