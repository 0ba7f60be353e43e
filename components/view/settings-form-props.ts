import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";

/** What every owner settings form gets: the bin, its settings now, and where to report a save. */
export interface SettingsFormProps {
  binId: string;
  settings: BinSettingsState;
  onSaved: (settings: BinSettingsState) => void;
}
