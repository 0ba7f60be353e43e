import { changeOwnedBin, type OwnedBinRequest } from "@/lib/bins/change-owned-bin";
import { getDb } from "@/lib/db";

/** Owner-only: removes every delivery of the bin; the bin, its owner and settings stay. */
export function clearDeliveries({ binId, token }: OwnedBinRequest): Promise<number> {
  return changeOwnedBin({
    binId,
    token,
    change: async () => (await getDb().delivery.deleteMany({ where: { binId } })).count,
  });
}
