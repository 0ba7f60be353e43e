/** The parts of GET /api/bins/<id>/deliveries/<deliveryId> a forward needs. */
export interface ForwardableDelivery {
  method: string;
  /** Subpath after /echo/<id>, raw. */
  path: string;
  /** Raw query without "?". */
  query: string;
  headers: Array<[string, string]>;
  bodyBase64: string;
}

export interface ForwardRequest {
  method: string;
  /** Target origin (protocol, host, port). */
  origin: string;
  /** Raw request target: path plus "?query" when there is one. */
  path: string;
  /** In send order; case and duplicates as captured. */
  headers: Array<[string, string]>;
  body: Uint8Array;
}

export interface BuildForwardRequestOptions {
  delivery: ForwardableDelivery;
  /** --to: the local URL deliveries go to. */
  target: URL;
  /** Append the delivery's subpath to the target's path (off with --no-subpath). */
  appendSubpath: boolean;
}

// Per connection, not per message (RFC 9110 §7.6.1): the new connection computes its own.
// Same list as the curl export (lib/payload/build-curl-command.ts).
const HOP_BY_HOP = new Set([
  "host",
  "content-length",
  "connection",
  "transfer-encoding",
  "keep-alive",
  "upgrade",
  "proxy-connection",
  "te",
  "trailer",
]);

/** The request that re-sends a captured delivery to a local URL, as close to byte-exact as HTTP allows. */
export function buildForwardRequest({
  delivery,
  target,
  appendSubpath,
}: BuildForwardRequestOptions): ForwardRequest {
  let path = target.pathname || "/";
  if (appendSubpath && delivery.path) {
    path = path.endsWith("/") && delivery.path.startsWith("/") ? path.slice(0, -1) : path;
    path += delivery.path;
  }
  const query = [target.search.slice(1), delivery.query].filter(Boolean).join("&");
  if (query) path += `?${query}`;

  const connectionListed = new Set(
    delivery.headers
      .filter(([name]) => name.toLowerCase() === "connection")
      .flatMap(([, value]) => value.split(",").map((item) => item.trim().toLowerCase())),
  );
  const body = Uint8Array.from(Buffer.from(delivery.bodyBase64, "base64"));
  let hadFraming = false;
  const headers: Array<[string, string]> = [["Host", target.host]];
  for (const [name, value] of delivery.headers) {
    const lower = name.toLowerCase();
    if (lower === "content-length" || lower === "transfer-encoding") hadFraming = true;
    if (HOP_BY_HOP.has(lower) || connectionListed.has(lower)) continue;
    headers.push([name, value]);
  }
  // The body is sent whole, so a Content-Length frames it; a bodiless GET stays without one.
  if (body.length > 0 || hadFraming) headers.push(["Content-Length", String(body.length)]);
  return { method: delivery.method, origin: target.origin, path, headers, body };
}
