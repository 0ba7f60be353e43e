import type { SimulationSettings } from "@/lib/bins/bin-settings-schema";
import { parseStoredSettings } from "@/lib/bins/parse-stored-settings";
import { createSettingsCache, type SettingsCache } from "@/lib/bins/create-settings-cache";
import { getDb } from "@/lib/db";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import { getSingleton } from "@/lib/singleton";

/** What capture needs of a bin: its simulated answer, and its secret to judge signatures. */
export interface CaptureConfig extends SimulationSettings {
  secret: string | null;
  secretVersion: string;
}

export function getSettingsCache(): SettingsCache<CaptureConfig> {
  return getSingleton("settingsCache", () =>
    createSettingsCache<CaptureConfig>({
      load: async (binId) => {
        const bin = await getDb().bin.findUnique({
          where: { id: binId },
          select: { settings: true, webhookSecretEncrypted: true, secretVersion: true },
        });
        return {
          ...parseStoredSettings(bin?.settings),
          secret: bin?.webhookSecretEncrypted
            ? decryptSecret({ encrypted: bin.webhookSecretEncrypted, key: getEncryptionKey() })
            : null,
          secretVersion: bin?.secretVersion ?? "none",
        };
      },
    }),
  );
}
