import { readFile } from "node:fs/promises";
import { buildForwardRequest } from "@/lib/cli/build-forward-request";
import { CliError } from "@/lib/cli/cli-error";
import type { CliIo } from "@/lib/cli/cli-io";
import { describeError } from "@/lib/cli/describe-error";
import { parseCommandArgs } from "@/lib/cli/parse-command-args";
import { parseHeaderOption } from "@/lib/cli/parse-header-option";
import { parseHttpUrl } from "@/lib/cli/parse-http-url";
import { printResponseBody } from "@/lib/cli/print-response-body";
import { resolveDeliverySource } from "@/lib/cli/resolve-delivery-source";
import { sendRawRequest } from "@/lib/cli/send-raw-request";
import { requestApi } from "@/lib/client/request-api";
import { WebhookEchoError } from "@/lib/client/webhook-echo-error";
import { deliveryDetailSchema } from "@/lib/deliveries/get-delivery-detail.types";
import { deliverySignedSchema } from "@/lib/deliveries/sign-delivery.types";
import { applyHeaderEdits } from "@/lib/payload/apply-header-edits";

export interface RunReplayCommandOptions {
  argv: string[];
  io: CliIo;
  signal: AbortSignal;
  fetch?: typeof fetch;
}

const TIMEOUT_MS = 30_000;

const HELP = `Usage: webhook-echo replay <delivery URL> --to <URL> [options]

Re-sends one captured delivery to a URL: same method, headers in order and case (minus
hop-by-hop ones; Host and Content-Length are set for the new target), exact body bytes, and
the delivery's subpath and query appended to --to (like forward). Edits are applied in this
order: --remove-header, --set-header, then the signature headers of --resign.

The delivery URL is its view URL (.../view/<bin>/<deliveryId>) or API URL
(.../api/bins/<bin>/deliveries/<deliveryId>).

Options:
  --to <URL>              Where to send it, e.g. http://localhost:5000/webhooks
  --body-file <path>      Send this file's bytes instead of the captured body
  --set-header "K: V"     Set a header (replaces every copy of K); repeatable
  --remove-header <K>     Leave a header out (every copy); repeatable
  --resign                Have the server sign the body (edited or not) with the bin's secret
                          for the delivery's scheme (CallCov, GitHub, Stripe, Standard
                          Webhooks/Svix, Shopify, Slack) at the current time; needs --token
  --token <T>             The bin's owner token (only the owner can have bodies signed)
  --server <URL>          Webhook Echo server (default: the delivery URL's own origin)
  --no-subpath            Do not append the delivery's subpath and query to --to
  -h, --help              Show this help

Exit status: 0 when the target answered 2xx, 1 when it did not (or could not be reached, or
--body-file could not be read), 2 for a usage error, 3 when the Webhook Echo server cannot be
reached or refuses (unknown delivery, re-signing refused, unexpected answer).`;

function failure(error: unknown, what: string, serverUrl: string): CliError {
  if (error instanceof WebhookEchoError)
    return new CliError(`replay: ${what}: ${error.message}`, 3);
  return new CliError(`replay: cannot reach ${serverUrl}: ${describeError({ error })}`, 3);
}

/** `webhook-echo replay`: one delivery, byte-exact by default, optionally edited and re-signed. */
export async function runReplayCommand({
  argv,
  io,
  signal,
  fetch: fetchImpl = fetch,
}: RunReplayCommandOptions): Promise<number> {
  const args = parseCommandArgs({
    command: "replay",
    argv,
    options: {
      string: ["to", "body-file", "token", "server"],
      boolean: ["resign", "no-subpath"],
      list: ["set-header", "remove-header"],
    },
    help: HELP,
    io,
    positional: "one delivery URL",
  });
  if (!args) return 0;
  const { values, argument } = args;
  if (!values.to) throw new CliError("replay: --to <URL> is required", 2);
  const target = parseHttpUrl({ value: values.to, name: "replay: --to" });
  if (values.resign && !values.token) {
    throw new CliError(
      "replay: --resign needs --token <owner token>: only the bin's owner can have a body signed",
      2,
    );
  }
  const set = (values["set-header"] ?? []).map((value) => parseHeaderOption({ value }));
  const remove = values["remove-header"] ?? [];
  const source = resolveDeliverySource({ input: argument, server: values.server });

  let editedBody: Uint8Array | null = null;
  if (values["body-file"] !== undefined) {
    try {
      editedBody = new Uint8Array(await readFile(values["body-file"]));
    } catch (error) {
      throw new CliError(`replay: cannot read ${values["body-file"]}: ${(error as Error).message}`);
    }
  }

  const api = `${source.serverUrl}/api/bins/${encodeURIComponent(source.binId)}/deliveries/${encodeURIComponent(source.deliveryId)}`;
  const auth: Record<string, string> = values.token
    ? { Authorization: `Bearer ${values.token}` }
    : {};
  let delivery;
  try {
    const answer = await requestApi({
      fetch: fetchImpl,
      url: api,
      init: { headers: auth, signal },
      schema: deliveryDetailSchema,
    });
    if (!("data" in answer)) throw answer.status === 204 ? new Error("no content") : answer.error;
    delivery = answer.data;
  } catch (error) {
    throw failure(error, "cannot read the delivery", source.serverUrl);
  }

  const bodyBase64 = editedBody ? Buffer.from(editedBody).toString("base64") : delivery.bodyBase64;
  let headers = applyHeaderEdits({ headers: delivery.headers, remove, set });
  let signedNote = "";
  if (values.resign) {
    try {
      const answer = await requestApi({
        fetch: fetchImpl,
        url: `${api}/sign`,
        init: {
          method: "POST",
          headers: { ...auth, "Content-Type": "application/json" },
          // Absent: the server signs the stored body, so the stored bytes never travel twice.
          body: JSON.stringify(editedBody ? { bodyBase64 } : {}),
          signal,
        },
        schema: deliverySignedSchema,
      });
      if (!("data" in answer)) throw answer.status === 204 ? new Error("no content") : answer.error;
      headers = applyHeaderEdits({ headers, set: answer.data.headers });
      signedNote = `, re-signed (${answer.data.scheme}, ${answer.data.signedAt})`;
    } catch (error) {
      throw failure(error, "cannot re-sign", source.serverUrl);
    }
  }

  const request = buildForwardRequest({
    delivery: { ...delivery, headers, bodyBase64 },
    target,
    appendSubpath: !values["no-subpath"],
    appendQuery: !values["no-subpath"],
  });
  const edits = [
    editedBody ? "body from file" : "",
    set.length > 0 ? `${set.length} header(s) set` : "",
    remove.length > 0 ? `${remove.length} header(s) removed` : "",
  ].filter(Boolean);
  io.err(
    `${request.method} ${request.origin}${request.path} (${request.body.length} bytes, ${edits.length > 0 ? edits.join(", ") : "byte-exact"}${signedNote})`,
  );
  const started = performance.now();
  try {
    const response = await sendRawRequest({ request, timeoutMs: TIMEOUT_MS, signal });
    const ms = Math.round(performance.now() - started);
    io.out(
      `-> ${response.status}${response.statusText ? ` ${response.statusText}` : ""} (${ms} ms)`,
    );
    printResponseBody({ io, body: response.body });
    return response.status >= 200 && response.status < 300 ? 0 : 1;
  } catch (error) {
    throw new CliError(`replay: ${request.origin} did not answer: ${describeError({ error })}`);
  }
}
