import { getBinOrThrow } from "@/lib/bins/get-bin-or-throw";
import { buildBinUrls } from "@/lib/http/build-bin-urls";
import { getRequestOrigin } from "@/lib/http/get-request-origin";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute<{ id: string }>(async ({ request, params }) => {
  const bin = await getBinOrThrow({ binId: params.id });
  return Response.json(
    { ...bin, ...buildBinUrls({ origin: getRequestOrigin(request), binId: bin.id }) },
    { headers: { "Cache-Control": "no-store" } },
  );
});
