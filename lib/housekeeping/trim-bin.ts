import { getDb } from "@/lib/db";

/** Keeps one bin at its cap between sweeps: deletes all but its newest `maxPerBin` rows. */
export async function trimBin({
  binId,
  maxPerBin,
}: {
  binId: string;
  maxPerBin: number;
}): Promise<number> {
  return getDb().$executeRaw`
    DELETE FROM deliveries WHERE bin_id = ${binId} AND id < (
      SELECT id FROM deliveries WHERE bin_id = ${binId} ORDER BY id DESC OFFSET ${maxPerBin - 1} LIMIT 1
    )`;
}
