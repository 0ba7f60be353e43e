import { apiUrl } from "@/components/common/api-url";
import type { BinSettingsState } from "@/components/view/bin-settings-view";

/** PUT /api/bins/<id>/settings with the owner cookie; throws the server's message on failure. */
export async function saveBinSettings(binId: string, body: unknown): Promise<BinSettingsState> {
  const response = await fetch(apiUrl.settings(binId), {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  const result = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok) {
    const message = typeof result?.message === "string" ? result.message : null;
    if (response.status === 401 || response.status === 403) {
      throw new Error(message ?? "Only the bin's owner can change its settings.");
    }
    throw new Error(message ?? `The server answered ${response.status}.`);
  }
  if (!result || typeof result.hasSecret !== "boolean") {
    throw new Error("The server sent an unexpected answer.");
  }
  return result as unknown as BinSettingsState;
}
