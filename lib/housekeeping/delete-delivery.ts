import { requireBinOwner } from "@/lib/bins/require-bin-owner";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";
import { publishBinChanged } from "@/lib/live/publish-bin-changed";

/** Owner-only: removes one delivery of the bin. */
export async function deleteDelivery({
  binId,
  deliveryId,
  token,
}: {
  binId: string;
  deliveryId: string;
  token: string | null;
}): Promise<void> {
  await requireBinOwner({ binId, token });
  const deleted = isDeliveryId(deliveryId)
    ? await getDb().delivery.deleteMany({ where: { id: deliveryId, binId } })
    : { count: 0 };
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "Delivery not found");
  await publishBinChanged({ binId });
}
