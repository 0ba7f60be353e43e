import { splitHopByHopHeaders } from "@/lib/payload/split-hop-by-hop-headers";

export interface ReplayRequest {
  method: string;
  /** What fetch() may send, in the original order and case. */
  headers: Array<[string, string]>;
  /** null when the method cannot carry a body in fetch (GET, HEAD) or there is none. */
  body: Uint8Array | null;
  /** Captured headers left out, with why, so the page can explain the difference. */
  dropped: Array<{ name: string; reason: string }>;
  /** Set when fetch() cannot send this request at all. */
  error: string | null;
  /** Set when a captured body had to be left out. */
  bodyNote: string | null;
}

// Fetch "forbidden request-headers": the browser controls these and silently ignores them.
const FORBIDDEN = new Set([
  "accept-charset",
  "accept-encoding",
  "access-control-request-headers",
  "access-control-request-method",
  "access-control-request-private-network",
  "content-length",
  "cookie",
  "cookie2",
  "date",
  "dnt",
  "expect",
  "host",
  "origin",
  "referer",
  "set-cookie",
  "via",
]);

const METHOD_OVERRIDES = new Set(["x-http-method", "x-http-method-override", "x-method-override"]);
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// fetch() refuses header values with NUL, CR or LF, and anything beyond Latin-1.
// eslint-disable-next-line no-control-regex
const BAD_VALUE = /[\u0000\r\n]|[^\u0000-\u00ff]/;

function dropReason(name: string, value: string, hopByHop: boolean): string | null {
  const lower = name.toLowerCase();
  if (FORBIDDEN.has(lower)) return "set by the browser itself (forbidden in fetch)";
  if (hopByHop) return "hop-by-hop header, set per connection";
  if (lower.startsWith("proxy-") || lower.startsWith("sec-")) {
    return "set by the browser itself (forbidden in fetch)";
  }
  if (METHOD_OVERRIDES.has(lower)) {
    const methods = value.split(",").map((part) => part.trim().toUpperCase());
    if (methods.some((method) => FORBIDDEN_METHODS.has(method))) {
      return "overrides to a method browsers may not send";
    }
  }
  if (!TOKEN.test(name)) return "not a valid header name for fetch";
  if (BAD_VALUE.test(value)) return "value has characters fetch cannot send";
  return null;
}

/**
 * What a browser can replay of a captured request with fetch(): the same method and body bytes,
 * and every header except hop-by-hop and browser-controlled ones (which are listed in `dropped`).
 */
export function buildReplayRequest({
  method,
  headers,
  body,
}: {
  method: string;
  headers: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array;
}): ReplayRequest {
  const upper = method.toUpperCase();
  const kept: Array<[string, string]> = [];
  const dropped: Array<{ name: string; reason: string }> = [];
  // The same hop-by-hop rule as the cURL export and the CLI's forward.
  const hopByHop = new Set(
    splitHopByHopHeaders({ headers }).hopByHop.map(([name]) => name.toLowerCase()),
  );
  for (const [name, value] of headers) {
    const reason = dropReason(name, value, hopByHop.has(name.toLowerCase()));
    if (reason === null) kept.push([name, value]);
    else dropped.push({ name, reason });
  }
  let error: string | null = null;
  if (!TOKEN.test(method)) error = `The method ${JSON.stringify(method)} is not a valid token`;
  else if (FORBIDDEN_METHODS.has(upper)) error = `Browsers may not send ${upper} requests`;
  const bodyless = upper === "GET" || upper === "HEAD";
  const bodyNote =
    bodyless && body.length > 0
      ? `The ${body.length}-byte body was left out: fetch cannot send a body with ${upper}`
      : null;
  return {
    // fetch() upper-cases the standard methods itself; others keep their case.
    method,
    headers: kept,
    body: bodyless || body.length === 0 ? null : body,
    dropped,
    error,
    bodyNote,
  };
}
