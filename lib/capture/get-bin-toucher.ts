import { createBinToucher, type BinToucher } from "@/lib/capture/create-bin-toucher";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { trimBin } from "@/lib/housekeeping/trim-bin";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

export function getBinToucher(): BinToucher {
  return getSingleton("binToucher", () =>
    createBinToucher({
      // Once a second per bin: freshen last_delivery_at and keep the bin at its cap between
      // sweeps (the oldest go first; a full bin keeps accepting).
      update: async (binId, at) => {
        await getDb().$executeRaw`UPDATE bins SET last_delivery_at = ${at}
          WHERE id = ${binId} AND (last_delivery_at IS NULL OR last_delivery_at < ${at})`;
        await trimBin({ binId, maxPerBin: getEnv().MAX_DELIVERIES_PER_BIN });
      },
      onError: (error) =>
        log("warn", "could not update last_delivery_at", {
          error: error instanceof Error ? error.message : String(error),
        }),
    }),
  );
}
