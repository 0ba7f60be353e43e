import { createBinToucher, type BinToucher } from "@/lib/capture/create-bin-toucher";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

export function getBinToucher(): BinToucher {
  return getSingleton("binToucher", () =>
    createBinToucher({
      update: async (binId, at) => {
        await getDb().$executeRaw`UPDATE bins SET last_delivery_at = ${at}
          WHERE id = ${binId} AND (last_delivery_at IS NULL OR last_delivery_at < ${at})`;
      },
      onError: (error) =>
        log("warn", "could not update last_delivery_at", {
          error: error instanceof Error ? error.message : String(error),
        }),
    }),
  );
}
