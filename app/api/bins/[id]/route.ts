import { deleteBin } from "@/lib/housekeeping/delete-bin";
import { readOwnerToken } from "@/lib/http/read-owner-token";
import { getBinOrThrow } from "@/lib/bins/get-bin-or-throw";
import { buildBinUrls } from "@/lib/http/build-bin-urls";
import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { withRoute } from "@/lib/http/with-route";
import type { GetBinResponse } from "@/lib/bins/get-bin.types";

export const GET = withRoute<{ id: string }>(async ({ request, params }) => {
  const bin = await getBinOrThrow({ binId: params.id });
  return Response.json(
    {
      ...bin,
      ...buildBinUrls({
        origin: getPublicOrigin({
          headers: request.headers,
          fallback: new URL(request.url).origin,
        }),
        binId: bin.id,
      }),
    } satisfies GetBinResponse,
    { headers: { "Cache-Control": "no-store" } },
  );
});

export const DELETE = withRoute<{ id: string }>(async ({ request, params }) => {
  await deleteBin({ binId: params.id, token: readOwnerToken({ request, binId: params.id }) });
  return new Response(null, { status: 204 });
});
