import type { z } from "zod";
import type {
  retryTimelineKindSchema,
  retryTimelineRowSchema,
} from "@/lib/analysis/retry-timeline-row-schema";

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

export type RetryTimelineKind = z.infer<typeof retryTimelineKindSchema>;

/** A timeline row before it goes on the wire: the same shape, with a Date. */
export type RetryTimelineRow = Omit<z.infer<typeof retryTimelineRowSchema>, "receivedAt"> & {
  receivedAt: Date;
};
