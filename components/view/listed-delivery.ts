import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";
import type { SignatureResult } from "@/lib/signatures/signature-result";

/**
 * A list row as the API, the live events and the server render send it: the summary plus the
 * signature verdict and retry numbering (optional so an older server's rows still render).
 */
export interface ListedDelivery extends DeliverySummary {
  signature?: SignatureResult;
  /** 1-based position among the bin's deliveries of the same analysis id. */
  attempt?: number;
  /** Sent again after an earlier delivery of the analysis was answered 2xx. */
  isDuplicate?: boolean;
}
