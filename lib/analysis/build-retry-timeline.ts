import { isSuccessStatus } from "@/lib/analysis/is-success-status";
import { measureGapSeconds } from "@/lib/analysis/measure-gap-seconds";
import type { RetryDelivery, RetryTimelineRow } from "@/lib/analysis/retry-delivery";
import { RETRY_SCHEDULE_SECONDS } from "@/lib/analysis/retry-schedule";
import { scheduleToleranceSeconds } from "@/lib/analysis/schedule-tolerance-seconds";
import { sortDeliveries } from "@/lib/analysis/sort-deliveries";

// Deliveries are treated as one sequence (callers pass a single analysis id's deliveries), in
// any order.
export function buildRetryTimeline({
  deliveries,
}: {
  deliveries: readonly RetryDelivery[];
}): RetryTimelineRow[] {
  const rows: RetryTimelineRow[] = [];
  let previous: RetryDelivery | undefined;
  let answered = false;
  for (const delivery of sortDeliveries({ deliveries })) {
    const attempt = rows.length + 1;
    const gapSeconds = measureGapSeconds({ from: previous?.receivedAt, to: delivery.receivedAt });
    const kind = attempt === 1 ? "first" : answered ? "duplicate" : "retry";
    // A redelivery after a 2xx is not a scheduled retry, so the schedule says nothing about it.
    const expectedGapSeconds =
      kind === "retry" ? (RETRY_SCHEDULE_SECONDS[attempt - 2] ?? null) : null;
    const matchesSchedule =
      expectedGapSeconds === null || gapSeconds === null
        ? null
        : Math.abs(gapSeconds - expectedGapSeconds) <=
          scheduleToleranceSeconds({ expectedSeconds: expectedGapSeconds });
    rows.push({
      deliveryId: delivery.id,
      attempt,
      receivedAt: delivery.receivedAt,
      responseStatus: delivery.responseStatus,
      gapSeconds,
      expectedGapSeconds,
      matchesSchedule,
      kind,
    });
    previous = delivery;
    answered = answered || isSuccessStatus({ status: delivery.responseStatus });
  }
  return rows;
}
