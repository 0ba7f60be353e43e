import { buildOwnerCookie } from "@/lib/bins/build-owner-cookie";
import { claimBin } from "@/lib/bins/claim-bin";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip-header";
import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { withRoute } from "@/lib/http/with-route";
import type { BinClaimed } from "@/lib/bins/claim-bin.types";

export const POST = withRoute<{ id: string }>(async ({ request, params }) => {
  const { ownerToken } = await claimBin({
    binId: params.id,
    clientIp: request.headers.get(CLIENT_IP_HEADER) ?? "unknown",
  });
  const origin = getPublicOrigin({
    headers: request.headers,
    fallback: new URL(request.url).origin,
  });
  return Response.json({ id: params.id, ownerToken } satisfies BinClaimed, {
    status: 201,
    headers: {
      "Cache-Control": "no-store",
      "Set-Cookie": buildOwnerCookie({
        binId: params.id,
        token: ownerToken,
        secure: origin.startsWith("https://"),
      }),
    },
  });
});
