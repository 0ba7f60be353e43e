import { apiUrl } from "@/components/common/api-url";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import { readErrorMessage } from "@/components/common/read-error-message";
import { binSettingsStateSchema } from "@/lib/bins/update-bin-settings.types";

/** PUT /api/bins/<id>/settings with the owner cookie; throws the server's message on failure. */
export async function saveBinSettings(binId: string, body: unknown): Promise<BinSettingsState> {
  const response = await fetch(apiUrl.settings(binId), {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  const result: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = readErrorMessage(result);
    if (response.status === 401 || response.status === 403) {
      throw new Error(message ?? "Only the bin's owner can change its settings.");
    }
    throw new Error(message ?? `The server answered ${response.status}.`);
  }
  const settings = binSettingsStateSchema.safeParse(result);
  if (!settings.success) throw new Error("The server sent an unexpected answer.");
  return settings.data;
}
