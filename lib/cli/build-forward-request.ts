import { splitHopByHopHeaders } from "@/lib/payload/split-hop-by-hop-headers";
/** The parts of GET /api/bins/<id>/deliveries/<deliveryId> a forward needs. */
export interface ForwardableDelivery {
  method: string;
  /** Subpath after /echo/<id>, raw. */
  path: string;
  /** Raw query without "?". */
  query: string;
  headers: Array<[string, string]>;
  bodyBase64: string;
  /** What the echo answered, or (forward_pending) that it waits for `forward --respond`. */
  response?: { status: number; reason: string } | null;
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
  /**
   * Append the delivery's query to the target's own: forward always does; replay's
   * --no-subpath turns it off too, so --to is used exactly as given.
   */
  appendQuery: boolean;
}

/** The request that re-sends a captured delivery to a local URL, as close to byte-exact as HTTP allows. */
export function buildForwardRequest({
  delivery,
  target,
  appendSubpath,
  appendQuery,
}: BuildForwardRequestOptions): ForwardRequest {
  let path = target.pathname || "/";
  if (appendSubpath && delivery.path) {
    path = path.endsWith("/") && delivery.path.startsWith("/") ? path.slice(0, -1) : path;
    path += delivery.path;
  }
  const query = [target.search.slice(1), appendQuery ? delivery.query : ""]
    .filter(Boolean)
    .join("&");
  if (query) path += `?${query}`;

  const body = Uint8Array.from(Buffer.from(delivery.bodyBase64, "base64"));
  let hadFraming = false;
  const { endToEnd, hopByHop } = splitHopByHopHeaders({ headers: delivery.headers });
  for (const [name] of hopByHop) {
    const lower = name.toLowerCase();
    if (lower === "content-length" || lower === "transfer-encoding") hadFraming = true;
  }
  const headers: Array<[string, string]> = [["Host", target.host], ...endToEnd];
  // The body is sent whole, so a Content-Length frames it; a bodiless GET stays without one.
  if (body.length > 0 || hadFraming) headers.push(["Content-Length", String(body.length)]);
  return { method: delivery.method, origin: target.origin, path, headers, body };
}
