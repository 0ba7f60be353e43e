import { postForwardedAnswer } from "@/lib/deliveries/post-forwarded-answer";
import { postForwardedAnswerInputSchema } from "@/lib/deliveries/post-forwarded-answer.types";
import { readOwnerToken } from "@/lib/http/read-owner-token";
import { withRoute } from "@/lib/http/with-route";

// Read only after the owner check. Base64 of the largest FORWARD_MAX_ANSWER_BYTES (4 MiB) plus
// 200 headers; the decoded body is checked against the configured limit (413).
const MAX_ANSWER_JSON_BYTES = 6 * 1024 * 1024;

export const POST = withRoute<{ id: string; deliveryId: string }>(
  async ({ request, params, readJson }) => {
    const accepted = await postForwardedAnswer({
      binId: params.id,
      deliveryId: params.deliveryId,
      token: readOwnerToken({ request, binId: params.id }),
      readAnswer: async () => postForwardedAnswerInputSchema.parse(await readJson()),
    });
    return Response.json(accepted, { headers: { "Cache-Control": "no-store" } });
  },
  { maxBodyBytes: MAX_ANSWER_JSON_BYTES },
);
