import { createDeliveryWriter, type DeliveryWriter } from "@/lib/capture/create-delivery-writer";
import { insertDeliveries } from "@/lib/capture/insert-deliveries";
import { isRowDataError } from "@/lib/database/is-row-data-error";
import { getSingleton } from "@/lib/singleton";

export function getDeliveryWriter(): DeliveryWriter {
  return getSingleton("deliveryWriter", () =>
    createDeliveryWriter({ insertBatch: insertDeliveries, isRowError: isRowDataError }),
  );
}
