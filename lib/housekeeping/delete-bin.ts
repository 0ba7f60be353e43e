import { changeOwnedBin, type OwnedBinRequest } from "@/lib/bins/change-owned-bin";
import { getSettingsCache } from "@/lib/bins/get-settings-cache";
import { getDb } from "@/lib/db";

/**
 * Owner-only: removes the bin and (cascade) its deliveries. The id stays valid: a later
 * delivery to it creates a fresh, ownerless bin, as for any id.
 */
export function deleteBin({ binId, token }: OwnedBinRequest): Promise<void> {
  return changeOwnedBin({
    binId,
    token,
    change: async () => {
      await getDb().bin.delete({ where: { id: binId } });
      getSettingsCache().invalidate(binId);
    },
  });
}
