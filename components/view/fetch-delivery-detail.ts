import { apiUrl } from "@/components/common/api-url";
import { isDeliveryDetail } from "@/components/view/delivery-detail";
import type { DeliveryDetail } from "@/lib/deliveries/get-delivery-detail.types";
import { decodeBase64 } from "@/lib/signatures/decode-base64";

/** A delivery's detail with its body decoded once. */
export interface LoadedDelivery {
  detail: DeliveryDetail;
  body: Uint8Array;
}

interface FetchDeliveryDetailOptions {
  binId: string;
  deliveryId: string;
  /** What was loaded before: its bytes are kept when the body is the same. */
  previous: LoadedDelivery | undefined;
  signal?: AbortSignal;
}

/** GET one delivery's headers, body, verdict and retry timeline. */
export async function fetchDeliveryDetail({
  binId,
  deliveryId,
  previous,
  signal,
}: FetchDeliveryDetailOptions): Promise<LoadedDelivery> {
  const response = await fetch(apiUrl.delivery(binId, deliveryId), {
    signal,
    credentials: "same-origin",
  });
  if (response.status === 404) {
    // Loaded before and gone now: the owner deleted it (or the bin) while it was on screen.
    if (previous) throw new Error("This delivery was deleted.", { cause: "gone" });
    throw new Error("This delivery does not exist in this bin.");
  }
  if (!response.ok) throw new Error(`Could not load the delivery (HTTP ${response.status}).`);
  const detail: unknown = await response.json();
  if (!isDeliveryDetail(detail)) throw new Error("The server sent an unexpected answer.");
  // Bodies never change: keeping the same bytes keeps every parsed view of them.
  const body =
    previous && previous.detail.sha256 === detail.sha256
      ? previous.body
      : (decodeBase64(detail.bodyBase64) ?? new Uint8Array());
  return { detail, body };
}
