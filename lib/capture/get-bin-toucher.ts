import { Prisma } from "@/generated/prisma/client";
import { createBinToucher, type BinToucher } from "@/lib/capture/create-bin-toucher";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

export function getBinToucher(): BinToucher {
  return getSingleton("binToucher", () =>
    createBinToucher({
      update: async (entries) => {
        const values = Prisma.join(
          entries.map(([id, at]) => Prisma.sql`(${id}, ${at}::timestamptz)`),
        );
        await getDb().$executeRaw`UPDATE bins AS b SET last_delivery_at = v.at
          FROM (VALUES ${values}) AS v(id, at)
          WHERE b.id = v.id AND (b.last_delivery_at IS NULL OR b.last_delivery_at < v.at)`;
      },
      onError: (error) =>
        log("warn", "could not update last_delivery_at", {
          error: error instanceof Error ? error.message : String(error),
        }),
    }),
  );
}
