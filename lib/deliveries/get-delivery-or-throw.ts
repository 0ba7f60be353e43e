import type { StoredDelivery } from "@/lib/deliveries/delivery-summary";
import { toDeliverySummary } from "@/lib/deliveries/to-delivery-summary";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";
import { decodeUtf8 } from "@/lib/text/decode-utf8";

export interface DeliveryWithBody extends StoredDelivery {
  body: Uint8Array;
}

export async function getDeliveryOrThrow({
  binId,
  deliveryId,
}: {
  binId: string;
  deliveryId: string;
}): Promise<DeliveryWithBody> {
  if (!isDeliveryId(deliveryId)) throw new AppError("NOT_FOUND", "Delivery not found");
  const row = await getDb().delivery.findFirst({ where: { id: deliveryId, binId } });
  if (!row) throw new AppError("NOT_FOUND", "Delivery not found");
  const body = new Uint8Array(row.body);
  return {
    ...toDeliverySummary(row),
    headers: row.headers as Array<[string, string]>,
    bodyBase64: Buffer.from(body).toString("base64"),
    // Byte-exact like every other view of the body: a leading BOM is kept.
    bodyText: decodeUtf8({ bytes: body }),
    response: row.response ?? null,
    body,
  };
}
