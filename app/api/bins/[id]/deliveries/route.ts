import { readDeliveryFilter } from "@/lib/deliveries/delivery-filter";
import { clearDeliveries } from "@/lib/housekeeping/clear-deliveries";
import { readOwnerToken } from "@/lib/http/read-owner-token";
import { isValidBinId } from "@/lib/ids/bin-id";
import { listDeliveriesPagingSchema } from "@/lib/deliveries/list-deliveries.types";
import { listDeliveryPage } from "@/lib/deliveries/list-delivery-page";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute<{ id: string }>(async ({ request, params }) => {
  if (!isValidBinId(params.id)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  const url = new URL(request.url);
  const query = listDeliveriesPagingSchema.parse({
    limit: url.searchParams.get("limit") ?? undefined,
    before: url.searchParams.get("before") ?? undefined,
  });
  const filter = readDeliveryFilter(url.searchParams);
  const page = await listDeliveryPage({ binId: params.id, ...query, filter });
  return Response.json(page, { headers: { "Cache-Control": "no-store" } });
});

export const DELETE = withRoute<{ id: string }>(async ({ request, params }) => {
  await clearDeliveries({ binId: params.id, token: readOwnerToken({ request, binId: params.id }) });
  return new Response(null, { status: 204 });
});
