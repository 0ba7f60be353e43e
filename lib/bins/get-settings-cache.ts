import type { SimulationSettings } from "@/lib/bins/bin-settings-schema";
import { parseStoredSettings } from "@/lib/bins/parse-stored-settings";
import { createSettingsCache, type SettingsCache } from "@/lib/bins/create-settings-cache";
import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { getPgPool } from "@/lib/get-pg-pool";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import { getSingleton } from "@/lib/singleton";

/**
 * What capture needs of a bin: its simulated answer, its secret to judge signatures, and
 * whether it has a JSON schema of its own (then conformance is judged at first read).
 */
export interface CaptureConfig extends SimulationSettings {
  secret: string | null;
  secretVersion: string;
  jsonSchemaName: string | null;
}

export function getSettingsCache(): SettingsCache<CaptureConfig> {
  return getSingleton("settingsCache", () =>
    createSettingsCache<CaptureConfig>({
      load: async (binId) => {
        const { rows } = await getPgPool().query<{
          settings: unknown;
          webhook_secret_encrypted: string | null;
          secret_version: string;
          json_schema_name: string | null;
        }>({ ...CAPTURE_STATEMENTS.readCaptureSettings, values: [binId] });
        const bin = rows[0];
        return {
          ...parseStoredSettings(bin?.settings),
          secret: bin?.webhook_secret_encrypted
            ? decryptSecret({ encrypted: bin.webhook_secret_encrypted, key: getEncryptionKey() })
            : null,
          secretVersion: bin?.secret_version ?? "none",
          jsonSchemaName: bin?.json_schema_name ?? null,
        };
      },
    }),
  );
}
