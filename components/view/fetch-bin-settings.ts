import { apiUrl } from "@/components/common/api-url";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import { readErrorMessage } from "@/components/view/read-error-message";

/** GET the bin's current secret flag and simulation settings (never from a cache). */
export async function fetchBinSettings({
  binId,
  signal,
}: {
  binId: string;
  signal?: AbortSignal;
}): Promise<BinSettingsState> {
  const response = await fetch(apiUrl.bin(binId), {
    credentials: "same-origin",
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw new Error(await readErrorMessage(response));
  const next = (await response.json()) as BinSettingsState;
  const { hasSecret, response: answer, failFirst, rules, chaos, gone } = next;
  return {
    hasSecret,
    response: answer,
    failFirst,
    jsonSchema: next.jsonSchema,
    jsonSchemaName: next.jsonSchemaName,
    summaryField: next.summaryField ?? null,
    rules: rules ?? [],
    chaos: chaos ?? null,
    gone: gone ?? false,
    respondTimeoutMs: next.respondTimeoutMs ?? null,
  };
}
