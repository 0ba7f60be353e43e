import { getDeliveryOrThrow } from "@/lib/deliveries/get-delivery-or-throw";
import { SANDBOX_HEADERS } from "@/lib/http/sandbox-headers";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute<{ id: string; deliveryId: string }>(async ({ params }) => {
  const delivery = await getDeliveryOrThrow({ binId: params.id, deliveryId: params.deliveryId });
  // Always an attachment with nosniff: captured bytes must never render as a page.
  return new Response(Buffer.from(delivery.body), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${params.id}-${delivery.id}.bin"`,
      "Content-Length": String(delivery.size),
      "Cache-Control": "no-store",
      ...SANDBOX_HEADERS,
    },
  });
});
