import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import { getPgPool } from "@/lib/get-pg-pool";
import { toJsonText } from "@/lib/capture/to-json-text";
import { formatIsoTimestamp } from "@/lib/text/format-iso-timestamp";

const NONE: ReadonlySet<string> = new Set();

/**
 * One statement per batch (CAPTURE_STATEMENTS.insertDeliveries, or insertDeliveriesIfDefaults
 * when some rows were planned with assumed defaults): creates the bins seen for the first time
 * and inserts every delivery, atomically. Bodies go to PostgreSQL as binary
 * parameters, so a 10 MiB body is sent as its own bytes, not as a hex or base64 copy.
 * `assumingDefaults`: ids of records planned with a bin's default settings, unread; each is
 * left out if its bin holds more. Resolves with the ids left out.
 */
export async function insertDeliveries(
  records: DeliveryRecord[],
  assumingDefaults: ReadonlySet<string> = NONE,
): Promise<ReadonlySet<string>> {
  if (records.length === 0) return NONE;
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
  if (assumingDefaults.size === 0) {
    await runNamedStatement({
      pool: getPgPool(),
      statement: CAPTURE_STATEMENTS.insertDeliveries(records.length),
      values,
    });
    return NONE;
  }
  values.splice(2, 0, [...assumingDefaults]);
  const { rows } = await runNamedStatement<{ left_out: string[] }>({
    pool: getPgPool(),
    statement: CAPTURE_STATEMENTS.insertDeliveriesIfDefaults(records.length),
    values,
  });
  const leftOut = rows[0]!.left_out;
  return leftOut.length === 0 ? NONE : new Set(leftOut);
}
