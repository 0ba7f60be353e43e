import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { withRoute } from "@/lib/http/with-route";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export const dynamic = "force-dynamic";

export const GET = withRoute(async ({ request }) => {
  const serverUrl = getPublicOrigin({
    headers: request.headers,
    fallback: new URL(request.url).origin,
  });
  return Response.json(buildOpenApiDocument({ serverUrl }), {
    // Tools (Swagger UI, codegen) fetch it cross-origin; it holds nothing secret.
    headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" },
  });
});
