import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";

export interface SummaryRow {
  id: string;
  binId: string;
  method: string;
  path: string;
  query: string;
  contentType: string | null;
  bodySize: number;
  bodySha256: string;
  remoteAddress: string | null;
  receivedAt: Date;
  analysisId: string | null;
  responseStatus: number | null;
  analysisStatus: string | null;
  analysisAgent: string | null;
}

export function toDeliverySummary(row: SummaryRow): DeliverySummary {
  return {
    id: row.id,
    binId: row.binId,
    method: row.method,
    path: row.path,
    query: row.query,
    contentType: row.contentType,
    size: row.bodySize,
    sha256: row.bodySha256,
    remoteAddress: row.remoteAddress,
    receivedAt: row.receivedAt.toISOString(),
    analysisId: row.analysisId,
    responseStatus: row.responseStatus,
    analysisStatus: row.analysisStatus,
    analysisAgent: row.analysisAgent,
  };
}
