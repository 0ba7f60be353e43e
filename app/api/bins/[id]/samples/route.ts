import { readOwnerToken } from "@/lib/http/read-owner-token";
import { withRoute } from "@/lib/http/with-route";
import { sendSampleAnalysis } from "@/lib/samples/send-sample-analysis";
import { sampleRequestSchema } from "@/lib/samples/send-sample-analysis.types";

// `{"kind":"duplicate"}` is 20 bytes; room for whitespace, nothing more.
const MAX_SAMPLE_BODY_BYTES = 4 * 1024;

// Anyone who can view the bin may send it a sample: it only adds a delivery, like any sender.
// Only the owner's samples are signed with the bin's secret.
export const POST = withRoute<{ id: string }>(
  async ({ request, params, readJson }) => {
    const result = await sendSampleAnalysis({
      binId: params.id,
      ownerToken: readOwnerToken({ request, binId: params.id }),
      readKind: async () => sampleRequestSchema.parse(await readJson()).kind,
    });
    return Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
  { maxBodyBytes: MAX_SAMPLE_BODY_BYTES },
);
