import { createExportSlots, type ExportSlots } from "@/lib/deliveries/create-export-slots";
import { getEnv } from "@/lib/env";
import { getSingleton } from "@/lib/singleton";

export function getExportSlots(): ExportSlots {
  return getSingleton("exportSlots", () =>
    createExportSlots({
      perKey: getEnv().EXPORT_CONCURRENCY_PER_IP,
      total: getEnv().EXPORT_CONCURRENCY_TOTAL,
    }),
  );
}
