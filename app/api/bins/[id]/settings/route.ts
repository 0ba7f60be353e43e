import { binSettingsSchema } from "@/lib/bins/bin-settings-schema";
import { updateBinSettings } from "@/lib/bins/update-bin-settings";
import { readJsonBody } from "@/lib/http/read-json-body";
import { readOwnerToken } from "@/lib/http/read-owner-token";
import { withRoute } from "@/lib/http/with-route";

export const PUT = withRoute<{ id: string }>(async ({ request, params }) => {
  const token = readOwnerToken({ request, binId: params.id });
  const settings = binSettingsSchema.parse(await readJsonBody(request));
  const view = await updateBinSettings({ binId: params.id, token, settings });
  return Response.json(view, { headers: { "Cache-Control": "no-store" } });
});
