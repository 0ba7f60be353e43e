import { z } from "zod";
import { binIdSchema } from "@/lib/ids/bin-id-schema";

// GET /api/bins/<id>/stats?window=1h|24h|7d: the bin's "health at a glance" (CallCov guide,
// "Monitoring Webhooks"), computed by one aggregate query.

export const statsWindowSchema = z
  .enum(["1h", "24h", "7d"])
  .meta({ description: "How far back the overview looks." });

export const binStatsQuerySchema = z.object({
  window: statsWindowSchema.default("24h"),
});

const count = z.number().int().min(0);

/** Deliveries by the class of the status our endpoint answered (simulations included). */
export const answerMixSchema = z
  .object({
    "2xx": count,
    "3xx": count,
    "4xx": count,
    "5xx": count,
    other: count.meta({ description: "1xx, or no answer recorded (rows from older versions)." }),
  })
  .meta({ description: "Deliveries by the class of status our endpoint answered." });

export const statsBucketSchema = z.object({
  start: z.iso.datetime({ offset: true }).meta({ description: "Inclusive start of the bucket." }),
  total: count,
  answers: answerMixSchema,
});

export const verdictMixSchema = z
  .object({
    valid: count,
    invalid: count,
    missing: count.meta({ description: "Unsigned: no signature header of a known scheme." }),
    no_secret: count.meta({ description: "Signed, but the bin has no secret to check with." }),
    unjudged: count.meta({
      description: "Not judged under the bin's current secret yet (judged when first shown).",
    }),
  })
  .meta({ description: "Deliveries by signature verdict under the bin's current secret." });

export const retryGapStatsSchema = z.object({
  retry: z.number().int().min(1).meta({ description: "1 = the first retry (second attempt)." }),
  expectedSeconds: z.number().meta({ description: "CallCov's documented delay for it." }),
  count,
  onSchedule: count.meta({ description: "Within 20% or 10 s of the expected delay." }),
  early: count,
  late: count,
  medianSeconds: z.number().nullable(),
  minSeconds: z.number().nullable(),
  maxSeconds: z.number().nullable(),
});

export const binStatsSchema = z
  .object({
    binId: binIdSchema,
    window: statsWindowSchema,
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }).meta({ description: "Exclusive end (after now)." }),
    bucketSeconds: z.number().int().min(1),
    total: count.meta({ description: "Deliveries received in the window." }),
    buckets: z
      .array(statsBucketSchema)
      .meta({ description: "Deliveries over time, oldest first." }),
    answers: answerMixSchema,
    signatures: verdictMixSchema,
    retries: z
      .object({
        analyses: count.meta({
          description: "CallCov analyses with at least one delivery in the window.",
        }),
        attemptsPerAnalysis: z
          .array(z.object({ attempts: z.number().int().min(1), analyses: count }))
          .meta({
            description:
              "How many analyses were delivered how many times (counting all their deliveries in the bin), fewest attempts first.",
          }),
        retries: count.meta({ description: "Deliveries in the window that retried a failure." }),
        duplicates: count.meta({ description: "Deliveries sent again after a 2xx." }),
        schedule: z.array(retryGapStatsSchema).meta({
          description:
            "Time since the previous attempt for each retry of CallCov's schedule (60, 300, 900, 3600, 21600 s).",
        }),
        beyondSchedule: count.meta({
          description: "Retries past the fifth (not in the schedule).",
        }),
      })
      .meta({ description: "Retries of CallCov analyses against CallCov's retry schedule." }),
  })
  .meta({ description: "A bin's health at a glance over one window." });

export type StatsWindow = z.infer<typeof statsWindowSchema>;
export type AnswerMix = z.infer<typeof answerMixSchema>;
export type VerdictMix = z.infer<typeof verdictMixSchema>;
export type RetryGapStats = z.infer<typeof retryGapStatsSchema>;
export type BinStats = z.infer<typeof binStatsSchema>;
