import { binSettingsSchema } from "@/lib/bins/bin-settings-schema";
import { updateBinSettings } from "@/lib/bins/update-bin-settings";
import { readOwnerToken } from "@/lib/http/read-owner-token";
import { withRoute } from "@/lib/http/with-route";

// The largest valid settings (a 64K-character response body, 50 headers of 2,000 characters,
// a 1,024-character secret) encode to about 690 KiB even with every character escaped; response
// rules add at most 128K characters of JSON (up to 3 bytes each as UTF-8).
const MAX_SETTINGS_BODY_BYTES = 1088 * 1024;

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
