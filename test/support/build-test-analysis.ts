import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";

/**
 * A CallCov analysis to send (and break on purpose) in tests: fresh ids each call, so no two
 * count as the same analysis, and a fixed clock.
 */
export function buildTestAnalysis({
  status = "completed",
}: { status?: "completed" | "failed" } = {}): Record<string, unknown> {
  return buildSampleAnalysis({
    status,
    now: () => new Date("2026-12-01T00:00:00Z"),
    randomId: () => crypto.randomUUID(),
  });
}
