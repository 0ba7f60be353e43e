import { deleteDelivery } from "@/lib/housekeeping/delete-delivery";
import { getDeliveryDetail } from "@/lib/deliveries/get-delivery-detail";
import { readOwnerToken } from "@/lib/http/read-owner-token";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute<{ id: string; deliveryId: string }>(async ({ request, params }) => {
  const delivery = await getDeliveryDetail({
    binId: params.id,
    deliveryId: params.deliveryId,
    ownerToken: readOwnerToken({ request, binId: params.id }),
  });
  return Response.json(delivery, { headers: { "Cache-Control": "no-store" } });
});

export const DELETE = withRoute<{ id: string; deliveryId: string }>(async ({ request, params }) => {
  await deleteDelivery({
    binId: params.id,
    deliveryId: params.deliveryId,
    token: readOwnerToken({ request, binId: params.id }),
  });
  return new Response(null, { status: 204 });
});
