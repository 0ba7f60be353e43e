import { z } from "zod";

export const retryTimelineKindSchema = z.enum(["first", "retry", "duplicate"]);

/** One row of GET /api/bins/<id>/deliveries/<deliveryId> → retryTimeline, as sent. */
export const retryTimelineRowSchema = z.object({
  deliveryId: z.guid(),
  attempt: z.number().int().min(1),
  receivedAt: z.iso.datetime({ offset: true }),
  responseStatus: z.number().int().nullable(),
  gapSeconds: z.number().nullable().meta({ description: "Since the previous delivery." }),
  // null for the first delivery, for duplicates, and past the end of the documented schedule.
  expectedGapSeconds: z.number().nullable().meta({
    description: "CallCov's documented delay for this retry (60, 300, 900, 3600, 21600 s).",
  }),
  matchesSchedule: z.boolean().nullable(),
  kind: retryTimelineKindSchema,
});
