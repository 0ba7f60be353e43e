import { readWaitQuery } from "@/lib/deliveries/read-wait-query";
import { waitForDelivery } from "@/lib/deliveries/wait-for-delivery";
import type { DeliveryWaited } from "@/lib/deliveries/wait-for-delivery.types";
import { AppError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip-header";
import { withRoute } from "@/lib/http/with-route";
import { isValidBinId } from "@/lib/ids/bin-id";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = withRoute<{ id: string }>(async ({ request, params }) => {
  if (!isValidBinId(params.id)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  const query = readWaitQuery({ searchParams: new URL(request.url).searchParams });
  const delivery = await waitForDelivery({
    binId: params.id,
    ...query,
    clientIp: request.headers.get(CLIENT_IP_HEADER) ?? "unknown",
    signal: request.signal,
  });
  if (!delivery) return new Response(null, { status: 204, headers: NO_STORE });
  return Response.json({ delivery } satisfies DeliveryWaited, { headers: NO_STORE });
});
