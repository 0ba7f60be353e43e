/**
 * Every page gets a strict, nonce-based policy: captured payloads are rendered as text only,
 * and even if markup slipped through, no script without this request's nonce would run.
 */
export function buildContentSecurityPolicy({
  nonce,
  dev,
}: {
  nonce: string;
  dev: boolean;
}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Replay sends a captured delivery from the browser to a URL the user types (often localhost).
    "connect-src 'self' http: https:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
