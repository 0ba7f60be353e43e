/**
 * What every /api/ answer carries. next.config.js sets these on the routes Next serves; the
 * routes server.ts serves itself (the live stream) set them from here, and a test keeps the
 * two lists equal. JSON, SSE and downloads never need to run anything: the strictest policy,
 * with the sandbox that raw downloads need.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy":
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox",
};
