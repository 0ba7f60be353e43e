import { createExportSlots, type ExportSlots } from "@/lib/deliveries/create-export-slots";
import { getEnv } from "@/lib/env";
import { getSingleton } from "@/lib/singleton";

/** Diffs running at once, per client address and per instance (the export's slot counter). */
export function getDiffSlots(): ExportSlots {
  return getSingleton("diffSlots", () =>
    createExportSlots({
      perKey: getEnv().DIFF_CONCURRENCY_PER_IP,
      total: getEnv().DIFF_CONCURRENCY_TOTAL,
    }),
  );
}
