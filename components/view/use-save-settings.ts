import { useState } from "react";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import { saveBinSettings } from "@/components/view/save-bin-settings";

export interface SaveMessage {
  error: boolean;
  text: string;
}

/**
 * One owner settings save as the forms run it: busy while in flight, then the server's message
 * on failure or `describe(saved)` on success (called after `onSaved`, so a form may reset there).
 */
export function useSaveSettings({
  binId,
  onSaved,
}: {
  binId: string;
  onSaved: (settings: BinSettingsState) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<SaveMessage | null>(null);

  const save = async (body: unknown, describe: (saved: BinSettingsState) => string) => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await saveBinSettings(binId, body);
      onSaved(saved);
      setMessage({ error: false, text: describe(saved) });
    } catch (error) {
      setMessage({ error: true, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return { busy, message, save };
}
