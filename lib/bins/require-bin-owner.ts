import { isBinOwner } from "@/lib/bins/is-bin-owner";
import { isValidBinId } from "@/lib/ids/bin-id";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Owner-only actions: 401 without a token, 403 with someone else's, 404 for no such bin. */
export async function requireBinOwner({ binId, token }: { binId: string; token: string | null }) {
  if (!isValidBinId(binId)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  if (!token) {
    throw new AppError(
      "UNAUTHORIZED",
      "Owner token required: send Authorization: Bearer <ownerToken>",
    );
  }
  const bin = await getDb().bin.findUnique({ where: { id: binId } });
  if (!bin) throw new AppError("NOT_FOUND", `Bin ${binId} not found`);
  if (!isBinOwner({ ownerTokenHash: bin.ownerTokenHash, token })) {
    throw new AppError("FORBIDDEN", "Only the bin's owner can do this");
  }
  return bin;
}
