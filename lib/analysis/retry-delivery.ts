// A captured delivery as far as retry analysis cares. responseStatus is what the echo answered;
// null when it never answered (timeout, crash).
export interface RetryDelivery {
  id: string;
  analysisId: string | null;
  receivedAt: Date;
  responseStatus: number | null;
}

export interface RetryInfo {
  // 1-based position among deliveries of the same analysis id, by receivedAt then id.
  attempt: number;
  // An earlier delivery of the same analysis id was already answered 2xx.
  isDuplicate: boolean;
  previousGapSeconds: number | null;
}

export type RetryTimelineKind = "first" | "retry" | "duplicate";

export interface RetryTimelineRow {
  deliveryId: string;
  attempt: number;
  receivedAt: Date;
  responseStatus: number | null;
  gapSeconds: number | null;
  // null for the first delivery, for duplicates, and past the end of the documented schedule.
  expectedGapSeconds: number | null;
  matchesSchedule: boolean | null;
  kind: RetryTimelineKind;
}
