import { createExportSlots, type ExportSlots } from "@/lib/deliveries/create-export-slots";
import { getEnv } from "@/lib/env";
import { getSingleton } from "@/lib/singleton";

/** Aggregate queries running at once (a heavy read like an export: the same limits, own pool). */
export function getStatsSlots(): ExportSlots {
  return getSingleton("statsSlots", () =>
    createExportSlots({
      perKey: getEnv().EXPORT_CONCURRENCY_PER_IP,
      total: getEnv().EXPORT_CONCURRENCY_TOTAL,
    }),
  );
}
