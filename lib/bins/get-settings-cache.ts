import type { SimulationSettings } from "@/lib/bins/bin-settings-schema";
import { parseStoredSettings } from "@/lib/bins/parse-stored-settings";
import { createSettingsCache, type SettingsCache } from "@/lib/bins/create-settings-cache";
import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import { getPgPool } from "@/lib/get-pg-pool";
import { getEventBus } from "@/lib/live/get-event-bus";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import { getSingleton } from "@/lib/singleton";
import { readClockMs } from "@/lib/read-clock-ms";

/**
 * What capture needs of a bin: its simulated answer, its secret to judge signatures, and
 * whether it has a JSON schema of its own (then conformance is judged at first read).
 */
export interface CaptureConfig extends SimulationSettings {
  secret: string | null;
  secretVersion: string;
  jsonSchemaName: string | null;
}

interface CaptureSettingsRow {
  id: string;
  settings: unknown;
  webhook_secret_encrypted: string | null;
  secret_version: string;
  json_schema_name: string | null;
}

/**
 * What a bin without a row (not created yet, or deleted) gets, as capture creates it, and a
 * bin whose row still holds the defaults: one frozen object for all of them, so most bins cost
 * no settings parse when loaded, and share what capture derives from a bin's config. Capture
 * also plans a bin it has not loaded with it, and its insert keeps that row only if the bin
 * holds the defaults (BIN_HOLDS_DEFAULTS in lib/database/capture-statements.ts).
 */
export const DEFAULT_CAPTURE_CONFIG: CaptureConfig = deepFreeze({
  ...parseStoredSettings(undefined),
  secret: null,
  secretVersion: "none",
  jsonSchemaName: null,
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

// Never stricter than BIN_HOLDS_DEFAULTS (lib/database/capture-statements.ts): a delivery that
// statement keeps was planned with DEFAULT_CAPTURE_CONFIG, which must be what its bin loads as.
function holdsDefaults(bin: CaptureSettingsRow): boolean {
  const { settings } = bin;
  return (
    bin.webhook_secret_encrypted === null &&
    bin.secret_version === DEFAULT_CAPTURE_CONFIG.secretVersion &&
    bin.json_schema_name === null &&
    (settings === null ||
      (typeof settings === "object" &&
        !Array.isArray(settings) &&
        Object.keys(settings).length === 0))
  );
}

function toCaptureConfig(bin: CaptureSettingsRow | undefined): CaptureConfig {
  if (!bin || holdsDefaults(bin)) return DEFAULT_CAPTURE_CONFIG;
  return {
    ...parseStoredSettings(bin.settings),
    secret: bin.webhook_secret_encrypted
      ? decryptSecret({ encrypted: bin.webhook_secret_encrypted, key: getEncryptionKey() })
      : null,
    secretVersion: bin.secret_version,
    jsonSchemaName: bin.json_schema_name,
  };
}

/**
 * Every instance drops a bin's entry when any instance announces a change to it (the live
 * bus's bin-change events), so entries live a minute instead of a second: with traffic over
 * many bins, reloading each every second cost ~20 µs CPU per delivery (scenario 1b).
 */
export function getSettingsCache(): SettingsCache<CaptureConfig> {
  return getSingleton("settingsCache", () => {
    const cache = createSettingsCache<CaptureConfig>({
      now: readClockMs,
      loadMany: async (binIds) => {
        const { rows } = await runNamedStatement<CaptureSettingsRow>({
          pool: getPgPool(),
          statement: CAPTURE_STATEMENTS.readCaptureSettings,
          values: [binIds],
        });
        const byId = new Map(rows.map((row) => [row.id, row]));
        // A bin whose secret cannot be read fails alone, not the bins loaded with it.
        return binIds.map((binId) => {
          try {
            return toCaptureConfig(byId.get(binId));
          } catch (error) {
            return error instanceof Error ? error : new Error(String(error));
          }
        });
      },
    });
    getEventBus().subscribeBinChanges({
      onChange: (binId) => cache.invalidate(binId),
      onResync: () => cache.reset(true),
      onLost: () => cache.reset(false),
    });
    return cache;
  });
}
