import type { DeliveryDetail } from "@/lib/deliveries/delivery-summary";
import { toDeliverySummary } from "@/lib/deliveries/to-delivery-summary";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isDeliveryId } from "@/lib/deliveries/delivery-id-schema";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface DeliveryWithBody extends DeliveryDetail {
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
  let bodyText: string | null;
  try {
    bodyText = utf8.decode(body);
  } catch {
    bodyText = null;
  }
  return {
    ...toDeliverySummary(row),
    headers: row.headers as Array<[string, string]>,
    bodyBase64: Buffer.from(body).toString("base64"),
    bodyText,
    response: row.response ?? null,
    body,
  };
}
