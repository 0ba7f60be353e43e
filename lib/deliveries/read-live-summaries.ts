import type { ConformanceSummary } from "@/lib/conformance/conformance-schema";
import { LIVE_STATEMENTS } from "@/lib/database/live-statements";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import type { KnownVerdicts } from "@/lib/deliveries/known-verdicts";
import { toDeliverySummary, type SummaryRow } from "@/lib/deliveries/to-delivery-summary";
import { getPgPool } from "@/lib/get-pg-pool";
import type { SignatureResult } from "@/lib/signatures/signature-result";
import { toStoredVerdict } from "@/lib/signatures/to-stored-verdict";

interface LiveRow extends SummaryRow {
  signature: SignatureResult | null;
  conformanceCurrent: boolean | null;
  conformanceSchema: string | null;
  conformanceValid: boolean | null;
}

/**
 * Summaries of specific deliveries (ids from live notifications, of any bins), oldest first,
 * with the verdicts they already carry: one statement for what took three per bin (summaries,
 * cached signatures, cached conformance), so a live batch usually needs no other read.
 */
export async function readLiveSummaries({
  ids,
}: {
  ids: string[];
}): Promise<{ deliveries: DeliverySummary[]; known: KnownVerdicts }> {
  const known: KnownVerdicts = { signatures: new Map(), conformance: new Map() };
  if (ids.length === 0) return { deliveries: [], known };
  const { rows } = await runNamedStatement<LiveRow>({
    pool: getPgPool(),
    statement: LIVE_STATEMENTS.readLiveSummaries,
    values: [ids],
  });
  const deliveries = rows.map((row) => {
    // As judgeSignatures reads a cached verdict: a missing one is judged again.
    if (row.signature) known.signatures.set(row.id, toStoredVerdict(row.signature));
    if (row.conformanceCurrent && row.conformanceSchema !== null) {
      const verdict: ConformanceSummary =
        row.conformanceValid === null
          ? null
          : { schema: row.conformanceSchema, valid: row.conformanceValid };
      known.conformance.set(row.id, verdict);
    }
    return toDeliverySummary(row);
  });
  return { deliveries, known };
}
