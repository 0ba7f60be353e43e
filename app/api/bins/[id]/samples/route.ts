import { z } from "zod";
import { withRoute } from "@/lib/http/with-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { sendSampleAnalysis } from "@/lib/samples/send-sample-analysis";

const bodySchema = z.strictObject({
  kind: z.enum(["completed", "failed", "duplicate"]).default("completed"),
});

// Anyone who can view the bin may send it a sample: it only adds a delivery, like any sender.
export const POST = withRoute<{ id: string }>(async ({ request, params }) => {
  const { kind } = bodySchema.parse(await readJsonBody(request));
  const result = await sendSampleAnalysis({ binId: params.id, kind });
  return Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
});
