import { requireBinOwner } from "@/lib/bins/require-bin-owner";
import { getSettingsCache } from "@/lib/bins/get-settings-cache";
import { getDb } from "@/lib/db";
import { publishBinChanged } from "@/lib/live/publish-bin-changed";

/**
 * Owner-only: removes the bin and (cascade) its deliveries. The id stays valid: a later
 * delivery to it creates a fresh, ownerless bin, as for any id.
 */
export async function deleteBin({
  binId,
  token,
}: {
  binId: string;
  token: string | null;
}): Promise<void> {
  await requireBinOwner({ binId, token });
  await getDb().bin.delete({ where: { id: binId } });
  getSettingsCache().invalidate(binId);
  await publishBinChanged({ binId });
}
