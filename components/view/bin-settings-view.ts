import type { z } from "zod";
import type { binSettingsViewSchema } from "@/lib/bins/update-bin-settings.types";

/** PUT /api/bins/<id>/settings answers with this; the view keeps the latest copy. */
export type BinSettingsState = z.infer<typeof binSettingsViewSchema>;
