import { isValidBinId } from "@/lib/ids/bin-id";
import { readDeliveryFilter } from "@/lib/deliveries/delivery-filter";
import { exportDeliveries } from "@/lib/deliveries/export-deliveries";
import { exportQuerySchema } from "@/lib/deliveries/export-deliveries.types";
import { AppError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip-header";
import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { withRoute } from "@/lib/http/with-route";

export const GET = withRoute<{ id: string }>(async ({ request, params }) => {
  if (!isValidBinId(params.id)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  const url = new URL(request.url);
  const { format } = exportQuerySchema
    .pick({ format: true })
    .parse({ format: url.searchParams.get("format") ?? undefined });
  const { stream, filename, contentType } = await exportDeliveries({
    binId: params.id,
    format,
    filter: readDeliveryFilter(url.searchParams),
    origin: getPublicOrigin({ headers: request.headers, fallback: url.origin }),
    clientIp: request.headers.get(CLIENT_IP_HEADER) ?? "unknown",
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
});
