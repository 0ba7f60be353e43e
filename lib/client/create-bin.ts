import type { ClientConnection, WebhookEchoBin } from "@/lib/client/client-types";
import { normalizeServerUrl } from "@/lib/client/normalize-server-url";
import { openBin } from "@/lib/client/open-bin";
import { requestApi } from "@/lib/client/request-api";
import { WebhookEchoError } from "@/lib/client/webhook-echo-error";
import { binCreatedSchema } from "@/lib/bins/create-bin.types";

/** Creates a bin (POST /api/bins): its echo URL, view URL, id and owner token, as a handle. */
export async function createBin({
  server,
  fetch: fetchImpl,
}: ClientConnection): Promise<WebhookEchoBin> {
  const base = normalizeServerUrl({ server });
  const answer = await requestApi({
    fetch: fetchImpl ?? globalThis.fetch,
    url: `${base}/api/bins`,
    init: { method: "POST" },
    schema: binCreatedSchema,
  });
  if (!("data" in answer)) {
    throw "error" in answer
      ? answer.error
      : new WebhookEchoError("bad_response", `POST /api/bins answered ${answer.status}`);
  }
  const created = answer.data;
  return {
    ...openBin({
      server: base,
      id: created.id,
      ownerToken: created.ownerToken,
      fetch: fetchImpl,
    }),
    // The server's own public URLs (they may differ from --server behind a proxy).
    echoUrl: created.echoUrl,
    viewUrl: created.viewUrl,
  };
}
