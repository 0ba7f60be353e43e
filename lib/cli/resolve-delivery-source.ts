import { CliError } from "@/lib/cli/cli-error";
import { parseHttpUrl } from "@/lib/cli/parse-http-url";
import { resolveForwardSource } from "@/lib/cli/resolve-forward-source";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";

export interface DeliverySource {
  /** Base URL of the Webhook Echo server, without a trailing slash. */
  serverUrl: string;
  binId: string;
  deliveryId: string;
}

export interface ResolveDeliverySourceOptions {
  /** A delivery's view URL (/view/<id>/<deliveryId>) or API URL (/api/bins/<id>/deliveries/<deliveryId>). */
  input: string;
  /** --server: wins over the URL's own origin. */
  server: string | undefined;
}

const VIEW_PATH = /\/view\/[^/?#]+\/([^/?#]+)\/?$/;
const API_PATH = /^(.*?)\/api\/bins\/([^/?#]+)\/deliveries\/([^/?#]+)\/?$/;
const EXPECTED =
  "expected .../view/<bin>/<deliveryId> or .../api/bins/<bin>/deliveries/<deliveryId>";

/** Which delivery to replay and from which server, from the URL the user copied. */
export function resolveDeliverySource({
  input,
  server,
}: ResolveDeliverySourceOptions): DeliverySource {
  const url = parseHttpUrl({ value: input, name: "replay: the delivery URL" });
  const api = API_PATH.exec(url.pathname);
  let source: { serverUrl: string; binId: string };
  let deliveryId: string;
  if (api) {
    // The API URL names the bin the same way the echo URL does: reuse that reading.
    source = resolveForwardSource({
      input: `${url.origin}${api[1]}/echo/${api[2]}`,
      server,
      defaultServer: url.origin,
    });
    deliveryId = decodeURIComponent(api[3]!);
  } else {
    const view = VIEW_PATH.exec(url.pathname);
    if (!view) throw new CliError(`replay: "${input}" is not a delivery URL (${EXPECTED})`, 2);
    source = resolveForwardSource({ input, server, defaultServer: url.origin });
    deliveryId = decodeURIComponent(view[1]!);
  }
  if (!isDeliveryId(deliveryId)) {
    throw new CliError(
      `replay: "${deliveryId}" in "${input}" is not a delivery id (${EXPECTED})`,
      2,
    );
  }
  return { ...source, deliveryId };
}
