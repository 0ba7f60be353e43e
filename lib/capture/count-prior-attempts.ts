import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import { getPgPool } from "@/lib/get-pg-pool";

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
  const { rows } = await runNamedStatement<{ n: number }>({
    pool: getPgPool(),
    ...(analysisId
      ? { statement: CAPTURE_STATEMENTS.countAnalysisAttempts, values: [binId, analysisId] }
      : { statement: CAPTURE_STATEMENTS.countBodyAttempts, values: [binId, bodySha256] }),
  });
  return rows[0]?.n ?? 0;
}
