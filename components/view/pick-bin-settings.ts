import type { PublicBin } from "@/lib/bins/public-bin";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";

/**
 * The owner-facing settings as the view shows them, read off the public bin (one request serves
 * both); a bin not stored yet (created by its first delivery) has every default.
 */
export function pickBinSettings({ bin }: { bin: PublicBin | null | undefined }): BinSettingsState {
  return {
    hasSecret: bin?.hasSecret ?? false,
    response: bin?.response ?? null,
    failFirst: bin?.failFirst ?? null,
    jsonSchema: bin?.jsonSchema ?? null,
    jsonSchemaName: bin?.jsonSchemaName ?? null,
    summaryField: bin?.summaryField ?? null,
    rules: bin?.rules ?? [],
    chaos: bin?.chaos ?? null,
    gone: bin?.gone ?? false,
    respondTimeoutMs: bin?.respondTimeoutMs ?? null,
  };
}
