import { describeError } from "@/lib/cli/describe-error";
import { describeFailedResponse } from "@/lib/cli/describe-failed-response";
import type { RawResponse } from "@/lib/cli/send-raw-request";

export interface PostLocalAnswerOptions {
  /** `<server>/api/bins/<id>`. */
  api: string;
  deliveryId: string;
  /** What the local app answered, or why it did not. */
  answer: { response: RawResponse } | { error: string };
  /** Accept and the owner's Authorization. */
  headers: Record<string, string>;
  fetch: typeof fetch;
  signal: AbortSignal;
}

function toPairs(rawHeaders: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    pairs.push([rawHeaders[i]!, rawHeaders[i + 1]!]);
  return pairs;
}

/**
 * `forward --respond`: posts the local app's answer for a held capture back to the server
 * (POST .../deliveries/<id>/response, owner token) and says, for the CLI's line, what the
 * sender got. Never throws: a failure here only means the sender gets the bin's own answer.
 */
export async function postLocalAnswer({
  api,
  deliveryId,
  answer,
  headers,
  fetch: fetchImpl,
  signal,
}: PostLocalAnswerOptions): Promise<string> {
  const post = (payload: unknown) =>
    fetchImpl(`${api}/deliveries/${deliveryId}/response`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify(payload),
      signal,
    });
  const local = "response" in answer ? answer.response : null;
  const usable = local && local.status >= 200 && local.status <= 599;
  try {
    let response = await post(
      usable
        ? {
            status: local.status,
            headers: toPairs(local.rawHeaders ?? []),
            bodyBase64: local.body.toString("base64"),
          }
        : {
            error:
              "error" in answer ? answer.error : `the local app answered status ${local?.status}`,
          },
    );
    if (response.status === 413 && usable) {
      // Too large to pass on: release the sender now rather than at the timeout.
      const why = await describeFailedResponse(response);
      response = await post({ error: `the local app's answer is too large to pass on: ${why}` });
    }
    if (response.ok) {
      const accepted = (await response.json()) as { reason?: string; droppedHeaders?: string[] };
      if (accepted.reason === "forwarded") {
        const dropped = accepted.droppedHeaders?.length
          ? `, ${accepted.droppedHeaders.length} header(s) left out`
          : "";
        return `; sender got ${local?.status} from the local app${dropped}`;
      }
      return "; sender got the bin's own answer (forward_failed)";
    }
    const message = await describeFailedResponse(response);
    if (response.status === 409) return `; too late, sender already answered: ${message}`;
    return `; could not answer the sender (HTTP ${response.status}: ${message})`;
  } catch (error) {
    return `; could not answer the sender (${describeError({ error })})`;
  }
}
