import { diffDeliveries } from "@/lib/deliveries/diff-deliveries";
import { diffDeliveriesQuerySchema } from "@/lib/deliveries/diff-deliveries.types";
import { AppError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip-header";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute<{ id: string; deliveryId: string }>(async ({ request, params }) => {
  const query = diffDeliveriesQuerySchema.safeParse({
    against: new URL(request.url).searchParams.get("against") ?? undefined,
  });
  if (!query.success) {
    throw new AppError("BAD_REQUEST", "against must be the id of another delivery (a UUID)");
  }
  const diff = await diffDeliveries({
    binId: params.id,
    deliveryId: params.deliveryId,
    againstId: query.data.against,
    clientIp: request.headers.get(CLIENT_IP_HEADER) ?? "unknown",
    signal: request.signal,
  });
  return Response.json(diff, { headers: { "Cache-Control": "no-store" } });
});
