import { getBinStats } from "@/lib/deliveries/get-bin-stats";
import { binStatsQuerySchema } from "@/lib/deliveries/get-bin-stats.types";
import { AppError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip-header";
import { withRoute } from "@/lib/http/with-route";
import { isValidBinId } from "@/lib/ids/bin-id";

export const GET = withRoute<{ id: string }>(async ({ request, params }) => {
  if (!isValidBinId(params.id)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  const { window } = binStatsQuerySchema.parse({
    window: new URL(request.url).searchParams.get("window") ?? undefined,
  });
  const stats = await getBinStats({
    binId: params.id,
    window,
    clientIp: request.headers.get(CLIENT_IP_HEADER) ?? "unknown",
  });
  return Response.json(stats, { headers: { "Cache-Control": "no-store" } });
});
