import { apiUrl } from "@/components/common/api-url";

/** DELETE one delivery with the owner cookie; one already gone counts as deleted. */
export async function deleteDelivery({ binId, deliveryId }: { binId: string; deliveryId: string }) {
  const response = await fetch(apiUrl.delivery(binId, deliveryId), {
    method: "DELETE",
    credentials: "same-origin",
  });
  if (!response.ok && response.status !== 404) {
    throw new Error(`The server answered ${response.status}.`);
  }
}
