import { randomBytes } from "node:crypto";
import { hashOwnerToken } from "@/lib/bins/hash-owner-token";
import { isValidBinId } from "@/lib/capture/bin-id";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishBinChanged } from "@/lib/live/publish-bin-changed";

/**
 * A bin created by a first delivery has no owner; the first claimant becomes it. One
 * conditional UPDATE, so two racing claims cannot both win.
 */
export async function claimBin({ binId }: { binId: string }): Promise<{ ownerToken: string }> {
  if (!isValidBinId(binId)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  const ownerToken = randomBytes(32).toString("base64url");
  const ownerTokenHash = hashOwnerToken(ownerToken);
  const db = getDb();
  await db.$executeRaw`INSERT INTO bins (id, created_at) VALUES (${binId}, now()) ON CONFLICT (id) DO NOTHING`;
  const claimed = await db.$executeRaw`UPDATE bins SET owner_token_hash = ${ownerTokenHash}
    WHERE id = ${binId} AND owner_token_hash IS NULL`;
  if (claimed !== 1) throw new AppError("CONFLICT", "This bin already has an owner");
  await publishBinChanged({ binId });
  return { ownerToken };
}
