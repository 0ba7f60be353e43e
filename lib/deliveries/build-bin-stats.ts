import { RETRY_SCHEDULE_SECONDS } from "@/lib/analysis/retry-schedule";
import type {
  AnswerMix,
  BinStats,
  RetryGapStats,
  StatsWindow,
  VerdictMix,
} from "@/lib/deliveries/get-bin-stats.types";
import type { StatsWindowPlan } from "@/lib/deliveries/plan-stats-window";

/** What the aggregate query returns: sparse groups, only those with deliveries. */
export interface RawBinStats {
  /** Deliveries per bucket index (0 = oldest) and answer class. */
  buckets: Array<{ i: number; cls: string; n: number }>;
  verdicts: Array<{ verdict: string; n: number }>;
  /** Analyses per number of deliveries. */
  attempts: Array<{ attempts: number; n: number }>;
  /** Retries in the window per retry number; retry > RETRY_SCHEDULE_SECONDS.length = past it. */
  gaps: Array<{
    retry: number;
    n: number;
    on: number;
    early: number;
    late: number;
    median: number | null;
    min: number | null;
    max: number | null;
  }>;
  duplicates: number;
}

const ANSWER_CLASSES = ["2xx", "3xx", "4xx", "5xx"] as const;
const VERDICTS = ["valid", "invalid", "missing", "no_secret"] as const;

function emptyAnswers(): AnswerMix {
  return { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, other: 0 };
}

function answerClass(cls: string): keyof AnswerMix {
  return (ANSWER_CLASSES as readonly string[]).includes(cls) ? (cls as keyof AnswerMix) : "other";
}

/**
 * The overview's wire shape from the query's sparse groups: every bucket of the window present
 * (empty ones as zeros), every schedule step present, unknown classes and verdicts counted
 * under "other" / "unjudged" so the parts always add up to the total.
 */
export function buildBinStats({
  binId,
  window,
  plan,
  raw,
}: {
  binId: string;
  window: StatsWindow;
  plan: StatsWindowPlan;
  raw: RawBinStats;
}): BinStats {
  const buckets = Array.from({ length: plan.bucketCount }, (_, index) => ({
    start: new Date(plan.from.getTime() + index * plan.bucketSeconds * 1000).toISOString(),
    total: 0,
    answers: emptyAnswers(),
  }));
  const answers = emptyAnswers();
  let total = 0;
  for (const { i, cls, n } of raw.buckets) {
    const bucket = buckets[i];
    if (!bucket) continue;
    const key = answerClass(cls);
    bucket.total += n;
    bucket.answers[key] += n;
    answers[key] += n;
    total += n;
  }

  const signatures: VerdictMix = { valid: 0, invalid: 0, missing: 0, no_secret: 0, unjudged: 0 };
  for (const { verdict, n } of raw.verdicts) {
    const key = (VERDICTS as readonly string[]).includes(verdict)
      ? (verdict as keyof VerdictMix)
      : "unjudged";
    signatures[key] += n;
  }

  const schedule: RetryGapStats[] = RETRY_SCHEDULE_SECONDS.map((expectedSeconds, index) => {
    const row = raw.gaps.find((gap) => gap.retry === index + 1);
    return {
      retry: index + 1,
      expectedSeconds,
      count: row?.n ?? 0,
      onSchedule: row?.on ?? 0,
      early: row?.early ?? 0,
      late: row?.late ?? 0,
      medianSeconds: row?.median ?? null,
      minSeconds: row?.min ?? null,
      maxSeconds: row?.max ?? null,
    };
  });
  const beyondSchedule = raw.gaps
    .filter((gap) => gap.retry > RETRY_SCHEDULE_SECONDS.length)
    .reduce((sum, gap) => sum + gap.n, 0);
  const attemptsPerAnalysis = [...raw.attempts]
    .sort((a, b) => a.attempts - b.attempts)
    .map(({ attempts, n }) => ({ attempts, analyses: n }));

  return {
    binId,
    window,
    from: plan.from.toISOString(),
    to: plan.to.toISOString(),
    bucketSeconds: plan.bucketSeconds,
    total,
    buckets,
    answers,
    signatures,
    retries: {
      analyses: attemptsPerAnalysis.reduce((sum, row) => sum + row.analyses, 0),
      attemptsPerAnalysis,
      retries: raw.gaps.reduce((sum, gap) => sum + gap.n, 0),
      duplicates: raw.duplicates,
      schedule,
      beyondSchedule,
    },
  };
}
