import { apiUrl } from "@/components/common/api-url";
import { readErrorMessage } from "@/components/common/read-error-message";
import { deliverySignedSchema, type DeliverySigned } from "@/lib/deliveries/sign-delivery.types";
import { encodeBase64 } from "@/lib/payload/encode-base64";

/**
 * Asks the server to sign exactly these bytes with the bin's secret (the owner cookie proves
 * who asks). Only the signature headers come back; the secret never reaches the browser.
 */
export async function signReplayBody({
  binId,
  deliveryId,
  body,
}: {
  binId: string;
  deliveryId: string;
  body: Uint8Array;
}): Promise<DeliverySigned> {
  const response = await fetch(apiUrl.sign(binId, deliveryId), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ bodyBase64: encodeBase64({ bytes: body }) }),
    credentials: "same-origin",
    cache: "no-store",
  });
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(
      `Re-signing failed: ${readErrorMessage(answer) ?? `the server answered ${response.status}`}`,
    );
  }
  const parsed = deliverySignedSchema.safeParse(answer);
  if (!parsed.success) throw new Error("Re-signing failed: the server's answer was not understood");
  return parsed.data;
}
