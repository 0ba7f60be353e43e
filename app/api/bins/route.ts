import { createBin } from "@/lib/bins/create-bin";
import { ownerCookieName } from "@/lib/bins/owner-cookie-name";
import { buildBinUrls } from "@/lib/http/build-bin-urls";
import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { withRoute } from "@/lib/http/with-route";

export const POST = withRoute(async ({ request }) => {
  const bin = await createBin();
  const origin = getPublicOrigin({
    headers: request.headers,
    fallback: new URL(request.url).origin,
  });
  const secure = origin.startsWith("https://") ? "; Secure" : "";
  return Response.json(
    { id: bin.id, ...buildBinUrls({ origin, binId: bin.id }), ownerToken: bin.ownerToken },
    {
      status: 201,
      headers: {
        "Cache-Control": "no-store",
        "Set-Cookie": `${ownerCookieName(bin.id)}=${bin.ownerToken}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}`,
      },
    },
  );
});
