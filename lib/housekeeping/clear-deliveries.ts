import { requireBinOwner } from "@/lib/bins/require-bin-owner";
import { getDb } from "@/lib/db";
import { publishBinChanged } from "@/lib/live/publish-bin-changed";

/** Owner-only: removes every delivery of the bin; the bin, its owner and settings stay. */
export async function clearDeliveries({
  binId,
  token,
}: {
  binId: string;
  token: string | null;
}): Promise<number> {
  await requireBinOwner({ binId, token });
  const { count } = await getDb().delivery.deleteMany({ where: { binId } });
  await publishBinChanged({ binId });
  return count;
}
