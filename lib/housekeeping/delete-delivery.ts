import { changeOwnedBin, type OwnedBinRequest } from "@/lib/bins/change-owned-bin";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";

/** Owner-only: removes one delivery of the bin. */
export function deleteDelivery({
  binId,
  deliveryId,
  token,
}: OwnedBinRequest & { deliveryId: string }): Promise<void> {
  return changeOwnedBin({
    binId,
    token,
    change: async () => {
      const deleted = isDeliveryId(deliveryId)
        ? await getDb().delivery.deleteMany({ where: { id: deliveryId, binId } })
        : { count: 0 };
      if (deleted.count === 0) throw new AppError("NOT_FOUND", "Delivery not found");
    },
  });
}
