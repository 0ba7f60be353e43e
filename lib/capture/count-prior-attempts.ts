import { getDb } from "@/lib/db";

/**
 * How many deliveries of this analysis (or, without an analysis id, of this exact body) the
 * bin already holds: fail-first answers an error to the first N of them.
 */
export async function countPriorAttempts({
  binId,
  analysisId,
  bodySha256,
}: {
  binId: string;
  analysisId: string | null;
  bodySha256: string;
}): Promise<number> {
  const rows = analysisId
    ? await getDb().$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM deliveries WHERE bin_id = ${binId} AND analysis_id = ${analysisId}`
    : await getDb().$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM deliveries WHERE bin_id = ${binId} AND analysis_id IS NULL AND body_sha256 = ${bodySha256}`;
  return rows[0]?.n ?? 0;
}
