import type { SimulationSettings } from "@/lib/bins/bin-settings-schema";

/** PUT /api/bins/<id>/settings answers with this; the view keeps the latest copy. */
export interface BinSettingsState extends SimulationSettings {
  hasSecret: boolean;
}
