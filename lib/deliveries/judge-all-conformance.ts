import { CALLCOV_SCHEMA_NAME } from "@/lib/conformance/callcov-schema-name";
import { judgeConformance } from "@/lib/deliveries/judge-conformance";
import { getDb } from "@/lib/db";

/**
 * Before a conformance filter: every delivery of the bin judged under its current schema, 100
 * rows at a time (each judged in bounded batches, see judgeConformance).
 */
export async function judgeAllConformance({ binId }: { binId: string }): Promise<void> {
  const db = getDb();
  for (;;) {
    const stale = await db.$queryRaw<Array<{ id: string }>>`
      SELECT d.id::text AS id FROM deliveries d JOIN bins b ON b.id = d.bin_id
      WHERE d.bin_id = ${binId}
        AND d.conformance_schema IS DISTINCT FROM coalesce(b.json_schema_name, ${CALLCOV_SCHEMA_NAME})
      LIMIT 100`;
    if (stale.length === 0) return;
    await judgeConformance({ binId, ids: stale.map((row) => row.id) });
  }
}
