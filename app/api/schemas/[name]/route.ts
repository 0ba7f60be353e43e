import { getConformanceSchemaOrThrow } from "@/lib/conformance/get-conformance-schema-or-throw";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute<{ name: string }>(async ({ params }) =>
  Response.json(getConformanceSchemaOrThrow({ name: params.name }), {
    // A published version never changes; tools may fetch it from anywhere.
    headers: { "Cache-Control": "public, max-age=86400", "Access-Control-Allow-Origin": "*" },
  }),
);
