import { signDelivery } from "@/lib/deliveries/sign-delivery";
import { signDeliveryRequestSchema } from "@/lib/deliveries/sign-delivery.types";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip-header";
import { readOwnerToken } from "@/lib/http/read-owner-token";
import { withRoute } from "@/lib/http/with-route";

// A 10 MiB body (the default MAX_BODY_BYTES) is 13.4 MiB in base64; the workflow refuses a
// decoded body over MAX_BODY_BYTES itself. Read only after the owner check.
const MAX_SIGN_BODY_BYTES = 14 * 1024 * 1024;

export const POST = withRoute<{ id: string; deliveryId: string }>(
  async ({ request, params, readJson }) => {
    const signed = await signDelivery({
      binId: params.id,
      deliveryId: params.deliveryId,
      token: readOwnerToken({ request, binId: params.id }),
      clientIp: request.headers.get(CLIENT_IP_HEADER) ?? "unknown",
      readRequest: async () => signDeliveryRequestSchema.parse(await readJson()),
    });
    return Response.json(signed, { headers: { "Cache-Control": "no-store" } });
  },
  { maxBodyBytes: MAX_SIGN_BODY_BYTES },
);
