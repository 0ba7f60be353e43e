import { randomUUID } from "node:crypto";
import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import { sampleAnalysisQuerySchema } from "@/lib/analysis/build-sample-analysis.types";
import { withRoute } from "@/lib/http/with-route";

/** A sample CallCov analysis, for `curl ... | curl --data-binary @- <your endpoint>`. */
export const GET = withRoute(async ({ request }) => {
  const { status } = sampleAnalysisQuerySchema.parse({
    status: new URL(request.url).searchParams.get("status") ?? undefined,
  });
  const sample = buildSampleAnalysis({ status, now: () => new Date(), randomId: randomUUID });
  return new Response(`${JSON.stringify(sample, null, 2)}\n`, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
});
