import { hash } from "node:crypto";
import { extractAnalysisFacts } from "@/lib/analysis/extract-analysis-facts";
import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import type { JsonBody } from "@/lib/payload/parse-json-body";

export interface BuildDeliveryRecordOptions {
  id: string;
  binId: string;
  method: string;
  path: string;
  query: string;
  /** Node's req.rawHeaders: [name, value, name, value, ...] in wire order and case. */
  rawHeaders: readonly string[];
  body: Uint8Array;
  remoteAddress: string | null;
  receivedAt: Date;
  /** The body parsed once by the caller (parseJsonBody), so it is not parsed again here. */
  json?: JsonBody;
}

/** request -> record: keeps headers as sent (order, case, duplicates) and the body untouched. */
export function buildDeliveryRecord(options: BuildDeliveryRecordOptions): DeliveryRecord {
  const headers: Array<[string, string]> = [];
  let contentType: string | null = null;
  for (let i = 0; i + 1 < options.rawHeaders.length; i += 2) {
    const name = options.rawHeaders[i] ?? "";
    const value = options.rawHeaders[i + 1] ?? "";
    headers.push([name, value]);
    // Only a 12-character name is lower-cased: no copy of every other header's name.
    if (contentType === null && name.length === 12 && name.toLowerCase() === "content-type") {
      contentType = value;
    }
  }
  const analysis = extractAnalysisFacts({ body: options.body, json: options.json });
  return {
    id: options.id,
    binId: options.binId,
    method: options.method,
    path: options.path,
    query: options.query,
    headers,
    body: options.body,
    bodySize: options.body.byteLength,
    // One-shot digest, no Hash object: 1.4 against 1.8-2.0 µs for a 2 KB body in a loop.
    bodySha256: hash("sha256", options.body, "hex"),
    contentType,
    remoteAddress: options.remoteAddress,
    receivedAt: options.receivedAt,
    analysisId: analysis?.id ?? null,
    analysisStatus: analysis?.status ?? null,
    analysisAgent: analysis?.agent ?? null,
    // Filled in once the answer is planned (capture stores what it answered).
    responseStatus: 200,
    response: null,
    signature: null,
    signatureVersion: null,
    conformanceSchema: null,
    conformanceValid: null,
  };
}
