import type { ConformanceSummary } from "@/lib/conformance/conformance-schema";
import { LIVE_STATEMENTS } from "@/lib/database/live-statements";
import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import type { KnownVerdicts } from "@/lib/deliveries/known-verdicts";
import { toDeliverySummary } from "@/lib/deliveries/to-delivery-summary";
import { getPgPool } from "@/lib/get-pg-pool";
import type { SignatureResult } from "@/lib/signatures/signature-result";
import { toStoredVerdict } from "@/lib/signatures/to-stored-verdict";

interface LiveRow {
  id: string;
  bin_id: string;
  method: string;
  path: string;
  query: string;
  content_type: string | null;
  body_size: number;
  body_sha256: string;
  remote_address: string | null;
  received_at: Date;
  analysis_id: string | null;
  response_status: number | null;
  analysis_status: string | null;
  analysis_agent: string | null;
  signature: SignatureResult | null;
  conformance_current: boolean | null;
  conformance_schema: string | null;
  conformance_valid: boolean | null;
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
  const { rows } = await getPgPool().query<LiveRow>({
    ...LIVE_STATEMENTS.readLiveSummaries,
    values: [ids],
  });
  const deliveries = rows.map((row) => {
    // As judgeSignatures reads a cached verdict: a missing one is judged again.
    if (row.signature) known.signatures.set(row.id, toStoredVerdict(row.signature));
    if (row.conformance_current && row.conformance_schema !== null) {
      const verdict: ConformanceSummary =
        row.conformance_valid === null
          ? null
          : { schema: row.conformance_schema, valid: row.conformance_valid };
      known.conformance.set(row.id, verdict);
    }
    return toDeliverySummary({
      id: row.id,
      binId: row.bin_id,
      method: row.method,
      path: row.path,
      query: row.query,
      contentType: row.content_type,
      bodySize: row.body_size,
      bodySha256: row.body_sha256,
      remoteAddress: row.remote_address,
      receivedAt: row.received_at,
      analysisId: row.analysis_id,
      responseStatus: row.response_status,
      analysisStatus: row.analysis_status,
      analysisAgent: row.analysis_agent,
    });
  });
  return { deliveries, known };
}
