import { parseStoredSettings } from "@/lib/bins/parse-stored-settings";
import { createSettingsCache, type SettingsCache } from "@/lib/capture/create-settings-cache";
import { getDb } from "@/lib/db";
import { getSingleton } from "@/lib/singleton";

export function getSettingsCache(): SettingsCache {
  return getSingleton("settingsCache", () =>
    createSettingsCache({
      load: async (binId) => {
        const bin = await getDb().bin.findUnique({
          where: { id: binId },
          select: { settings: true },
        });
        return parseStoredSettings(bin?.settings);
      },
    }),
  );
}
