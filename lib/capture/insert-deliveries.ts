import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { CAPTURE_STATEMENTS, DELIVERY_ROW_PARAMETERS } from "@/lib/database/capture-statements";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import { toPgTextArray } from "@/lib/database/to-pg-text-array";
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
  // Sized once: pushed row by row, the list was copied four or five times as it grew.
  const values: unknown[] = new Array<unknown>(2 + records.length * DELIVERY_ROW_PARAMETERS);
  let at = 2;
  for (const r of records) {
    const seen = firstSeen.get(r.binId);
    if (!seen || r.receivedAt.getTime() > seen.getTime()) firstSeen.set(r.binId, r.receivedAt);
    values[at++] = r.id;
    values[at++] = r.binId;
    values[at++] = r.method;
    values[at++] = r.path;
    values[at++] = r.query;
    values[at++] = JSON.stringify(r.headers);
    values[at++] = r.body;
    values[at++] = r.bodySize;
    values[at++] = r.bodySha256;
    values[at++] = r.contentType;
    values[at++] = r.remoteAddress;
    // ISO text: pg's own Date formatting (local time and offset) costs more per row.
    values[at++] = formatIsoTimestamp({ date: r.receivedAt });
    values[at++] = r.analysisId;
    values[at++] = r.analysisStatus;
    values[at++] = r.analysisAgent;
    values[at++] = r.responseStatus;
    values[at++] = toJsonText(r.response);
    values[at++] = r.signature === null ? null : toJsonText(r.signature);
    values[at++] = r.signatureVersion;
    values[at++] = r.conformanceSchema;
    values[at++] = r.conformanceValid;
  }
  // Fewer or more values a row than the statement has parameters is a bug here, not bad input.
  if (at !== values.length) throw new Error(`${at} values for ${values.length} parameters`);
  // A plain loop: Array.from with a map function over a Map's iterator took V8's slow path.
  const binIds: string[] = [];
  const times: string[] = [];
  for (const [binId, date] of firstSeen) {
    binIds.push(binId);
    times.push(formatIsoTimestamp({ date }));
  }
  values[0] = toPgTextArray({ items: binIds });
  values[1] = toPgTextArray({ items: times });
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
