import { randomUUID } from "node:crypto";
import type { BinSettingsInput, SimulationSettings } from "@/lib/bins/bin-settings-schema";
import { parseStoredSettings } from "@/lib/bins/parse-stored-settings";
import { changeOwnedBin, type OwnedBinRequest } from "@/lib/bins/change-owned-bin";
import { prepareJsonSchema } from "@/lib/bins/prepare-json-schema";
import { readStoredJsonSchema } from "@/lib/bins/read-stored-json-schema";
import { getSettingsCache } from "@/lib/bins/get-settings-cache";
import { getDb } from "@/lib/db";
import { encryptSecret } from "@/lib/secrets/encrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";

export interface UpdateBinSettingsOptions extends OwnedBinRequest {
  /** Reads and validates the request's settings; called only once the owner is proven. */
  readSettings: () => Promise<BinSettingsInput>;
}

/**
 * Owner-only. Keys left out keep their value, null resets them. A new secret version makes
 * every cached signature verdict stale, so deliveries are re-judged.
 */
export async function updateBinSettings({
  binId,
  token,
  readSettings,
}: UpdateBinSettingsOptions): Promise<BinSettingsState> {
  // Owner first: an anonymous client must not make us read (and hold) its body.
  return changeOwnedBin({
    binId,
    token,
    change: async (bin) => {
      const settings = await readSettings();
      const current = parseStoredSettings(bin.settings);
      const next: Required<SimulationSettings> = {
        response: settings.response === undefined ? current.response : settings.response,
        failFirst: settings.failFirst === undefined ? current.failFirst : settings.failFirst,
        summaryField:
          settings.summaryField === undefined
            ? (current.summaryField ?? null)
            : settings.summaryField,
        rules: settings.rules === undefined ? current.rules : (settings.rules ?? []),
        chaos: settings.chaos === undefined ? current.chaos : settings.chaos,
        gone: settings.gone === undefined ? current.gone : (settings.gone ?? false),
        respondTimeoutMs:
          settings.respondTimeoutMs === undefined
            ? (current.respondTimeoutMs ?? null)
            : settings.respondTimeoutMs,
      };
      const secretChange =
        settings.webhookSecret === undefined
          ? {}
          : {
              webhookSecretEncrypted:
                settings.webhookSecret === null
                  ? null
                  : encryptSecret({ plaintext: settings.webhookSecret, key: getEncryptionKey() }),
              secretVersion: settings.webhookSecret === null ? "none" : randomUUID(),
            };
      // A new schema has a new name: every delivery's verdict is then judged again when read.
      const schemaChange =
        settings.jsonSchema === undefined
          ? {}
          : await prepareJsonSchema({ jsonSchema: settings.jsonSchema });
      const updated = await getDb().bin.update({
        where: { id: binId },
        data: { settings: { ...next }, ...secretChange, ...schemaChange },
        select: { webhookSecretEncrypted: true, jsonSchema: true, jsonSchemaName: true },
      });
      getSettingsCache().invalidate(binId);
      return {
        hasSecret: updated.webhookSecretEncrypted !== null,
        ...next,
        jsonSchema: readStoredJsonSchema({ text: updated.jsonSchema }),
        jsonSchemaName: updated.jsonSchemaName,
      };
    },
  });
}
