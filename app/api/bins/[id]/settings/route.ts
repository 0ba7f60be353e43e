import { binSettingsSchema, MAX_SETTINGS_BODY_BYTES } from "@/lib/bins/bin-settings-schema";
import { updateBinSettings } from "@/lib/bins/update-bin-settings";
import { readOwnerToken } from "@/lib/http/read-owner-token";
import { withRoute } from "@/lib/http/with-route";

export const PUT = withRoute<{ id: string }>(
  async ({ request, params, readJson }) => {
    const view = await updateBinSettings({
      binId: params.id,
      token: readOwnerToken({ request, binId: params.id }),
      readSettings: async () => binSettingsSchema.parse(await readJson()),
    });
    return Response.json(view, { headers: { "Cache-Control": "no-store" } });
  },
  { maxBodyBytes: MAX_SETTINGS_BODY_BYTES },
);
