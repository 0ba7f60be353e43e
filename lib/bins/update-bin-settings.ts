import { randomUUID } from "node:crypto";
import type { BinSettingsInput } from "@/lib/bins/bin-settings-schema";
import { requireBinOwner } from "@/lib/bins/require-bin-owner";
import { getDb } from "@/lib/db";
import { encryptSecret } from "@/lib/secrets/encrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";

export interface BinSettingsView {
  hasSecret: boolean;
}

/** Owner-only. A new secret version makes every cached signature verdict stale (re-judged). */
export async function updateBinSettings({
  binId,
  token,
  settings,
}: {
  binId: string;
  token: string | null;
  settings: BinSettingsInput;
}): Promise<BinSettingsView> {
  const bin = await requireBinOwner({ binId, token });
  let hasSecret = bin.webhookSecretEncrypted !== null;
  if (settings.webhookSecret !== undefined) {
    const secret = settings.webhookSecret;
    await getDb().bin.update({
      where: { id: binId },
      data: {
        webhookSecretEncrypted:
          secret === null ? null : encryptSecret({ plaintext: secret, key: getEncryptionKey() }),
        secretVersion: secret === null ? "none" : randomUUID(),
      },
    });
    hasSecret = secret !== null;
  }
  return { hasSecret };
}
