import type { StoredDelivery } from "@/lib/deliveries/delivery-summary";
import { toDeliverySummary } from "@/lib/deliveries/to-delivery-summary";
import { getReadDb, type ReadFrom } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isValidBinId } from "@/lib/ids/bin-id";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";
import { decodeUtf8 } from "@/lib/text/decode-utf8";

export interface DeliveryWithBody extends StoredDelivery {
  body: Uint8Array;
}

export async function getDeliveryOrThrow({
  binId,
  deliveryId,
  readFrom = "primary",
}: {
  binId: string;
  deliveryId: string;
  /** "replica": a 404 may only mean "not replayed yet"; the caller decides to ask the primary. */
  readFrom?: ReadFrom;
}): Promise<DeliveryWithBody> {
  // Checked like every route's bin id: a NUL in it would fail the query (a 500).
  if (!isValidBinId(binId)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  if (!isDeliveryId(deliveryId)) throw new AppError("NOT_FOUND", "Delivery not found");
  const row = await getReadDb({ readFrom }).delivery.findFirst({
    where: { id: deliveryId, binId },
  });
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
