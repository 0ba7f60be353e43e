import { formatIsoTimestamp } from "@/lib/text/format-iso-timestamp";
import { createBinToucher, type BinToucher } from "@/lib/capture/create-bin-toucher";
import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import { toPgTextArray } from "@/lib/database/to-pg-text-array";
import { getPgPool } from "@/lib/get-pg-pool";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

export function getBinToucher(): BinToucher {
  return getSingleton("binToucher", () =>
    createBinToucher({
      update: async (entries) => {
        await runNamedStatement({
          pool: getPgPool(),
          statement: CAPTURE_STATEMENTS.touchBins,
          // ISO text: pg's own Date formatting (local time and offset) costs more per bin, and
          // so do its arrays (a thousand bins a second in scenario 1b).
          values: [
            toPgTextArray({ items: entries.map(([id]) => id) }),
            toPgTextArray({ items: entries.map(([, date]) => formatIsoTimestamp({ date })) }),
          ],
        });
      },
      onError: (error) =>
        log("warn", "could not update last_delivery_at", {
          error: error instanceof Error ? error.message : String(error),
        }),
    }),
  );
}
