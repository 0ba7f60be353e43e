import { buildOwnerCookie } from "@/lib/bins/build-owner-cookie";
import { createBinRateLimited } from "@/lib/bins/create-bin-rate-limited";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip-header";
import { buildBinUrls } from "@/lib/http/build-bin-urls";
import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { withRoute } from "@/lib/http/with-route";
import type { BinCreated } from "@/lib/bins/create-bin.types";

export const POST = withRoute(async ({ request }) => {
  const bin = await createBinRateLimited({
    clientIp: request.headers.get(CLIENT_IP_HEADER) ?? "unknown",
  });
  const origin = getPublicOrigin({
    headers: request.headers,
    fallback: new URL(request.url).origin,
  });
  return Response.json(
    {
      id: bin.id,
      ...buildBinUrls({ origin, binId: bin.id }),
      ownerToken: bin.ownerToken,
    } satisfies BinCreated,
    {
      status: 201,
      headers: {
        "Cache-Control": "no-store",
        "Set-Cookie": buildOwnerCookie({
          binId: bin.id,
          token: bin.ownerToken,
          secure: origin.startsWith("https://"),
        }),
      },
    },
  );
});
