import { getDeliveryOrThrow } from "@/lib/deliveries/get-delivery-or-throw";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute<{ id: string; deliveryId: string }>(async ({ params }) => {
  const { body: _body, ...delivery } = await getDeliveryOrThrow({
    binId: params.id,
    deliveryId: params.deliveryId,
  });
  return Response.json(delivery, { headers: { "Cache-Control": "no-store" } });
});
