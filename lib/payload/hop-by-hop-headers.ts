/**
 * Headers that belong to one connection, not to the message (RFC 9110 §7.6.1), plus Host: whoever
 * re-sends a captured request (cURL export, CLI forward, browser replay) computes its own, and
 * an owner's simulated answer may not set them (lib/payload/check-response-headers.ts).
 * Lower-case. Headers a message's Connection header names are hop-by-hop too.
 */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
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
