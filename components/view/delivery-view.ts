import type { RetryTimelineKind } from "@/lib/analysis/retry-delivery";
import type { PlannedResponse } from "@/lib/capture/plan-response";
import type { DeliveryDetail } from "@/lib/deliveries/delivery-summary";
import type { SignatureResult } from "@/lib/signatures/signature-result";

/** One row of GET /api/bins/<id>/deliveries/<did> → retryTimeline. */
export interface TimelineEntry {
  deliveryId: string;
  attempt: number;
  receivedAt: string;
  responseStatus: number | null;
  gapSeconds: number | null;
  expectedGapSeconds: number | null;
  matchesSchedule: boolean | null;
  kind: RetryTimelineKind;
}

/** The answer our echo endpoint sent for a delivery, as capture planned it. */
export type SentResponse = PlannedResponse;

/** The detail API's answer as the view uses it. */
export interface DeliveryView extends Omit<DeliveryDetail, "response"> {
  signature?: SignatureResult;
  attempt?: number;
  isDuplicate?: boolean;
  retryTimeline?: TimelineEntry[];
  response: SentResponse | null;
}
