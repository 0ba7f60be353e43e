import type { SimulationSettings } from "@/lib/bins/bin-settings-schema";
import { parseStoredSettings } from "@/lib/bins/parse-stored-settings";
import { createSettingsCache, type SettingsCache } from "@/lib/bins/create-settings-cache";
import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { getPgPool } from "@/lib/get-pg-pool";
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
        const { rows } = await getPgPool().query<{
          settings: unknown;
          webhook_secret_encrypted: string | null;
          secret_version: string;
        }>({ ...CAPTURE_STATEMENTS.readCaptureSettings, values: [binId] });
        const bin = rows[0];
        return {
          ...parseStoredSettings(bin?.settings),
          secret: bin?.webhook_secret_encrypted
            ? decryptSecret({ encrypted: bin.webhook_secret_encrypted, key: getEncryptionKey() })
            : null,
          secretVersion: bin?.secret_version ?? "none",
        };
      },
    }),
  );
}
