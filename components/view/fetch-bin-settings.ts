import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import { fetchPublicBin } from "@/components/view/fetch-public-bin";

/** GET the bin's current secret flag and simulation settings (never from a cache). */
export async function fetchBinSettings({
  binId,
  signal,
}: {
  binId: string;
  signal?: AbortSignal;
}): Promise<BinSettingsState> {
  const next = await fetchPublicBin({ binId, signal });
  return {
    hasSecret: next.hasSecret,
    response: next.response,
    failFirst: next.failFirst,
    jsonSchema: next.jsonSchema,
    jsonSchemaName: next.jsonSchemaName,
    summaryField: next.summaryField ?? null,
    rules: next.rules ?? [],
    chaos: next.chaos ?? null,
    gone: next.gone ?? false,
    respondTimeoutMs: next.respondTimeoutMs ?? null,
  };
}
