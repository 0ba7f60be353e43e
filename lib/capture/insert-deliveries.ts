import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { getPgPool } from "@/lib/get-pg-pool";
import { toJsonText } from "@/lib/capture/to-json-text";
import { formatIsoTimestamp } from "@/lib/text/format-iso-timestamp";

/**
 * One statement per batch (CAPTURE_STATEMENTS.insertDeliveries): creates the bins seen for the
 * first time and inserts every delivery, atomically. Bodies go to PostgreSQL as binary
 * parameters, so a 10 MiB body is sent as its own bytes, not as a hex or base64 copy.
 */
export async function insertDeliveries(records: DeliveryRecord[]): Promise<void> {
  if (records.length === 0) return;
  const firstSeen = new Map<string, Date>();
  const values: unknown[] = [null, null];
  for (const r of records) {
    const seen = firstSeen.get(r.binId);
    if (!seen || r.receivedAt.getTime() > seen.getTime()) firstSeen.set(r.binId, r.receivedAt);
    values.push(
      r.id,
      r.binId,
      r.method,
      r.path,
      r.query,
      JSON.stringify(r.headers),
      r.body,
      r.bodySize,
      r.bodySha256,
      r.contentType,
      r.remoteAddress,
      // ISO text: pg's own Date formatting (local time and offset) costs more per row.
      formatIsoTimestamp({ date: r.receivedAt }),
      r.analysisId,
      r.analysisStatus,
      r.analysisAgent,
      r.responseStatus,
      toJsonText(r.response),
      r.signature === null ? null : toJsonText(r.signature),
      r.signatureVersion,
      r.conformanceSchema,
      r.conformanceValid,
    );
  }
  values[0] = [...firstSeen.keys()];
  values[1] = Array.from(firstSeen.values(), (date) => formatIsoTimestamp({ date }));
  await getPgPool().query({ ...CAPTURE_STATEMENTS.insertDeliveries(records.length), values });
}
