/**
 * The origin users should see in echo/view URLs (and whether the owner cookie is Secure):
 * PUBLIC_BASE_URL when configured, else what the request was addressed to. X-Forwarded-Host and
 * X-Forwarded-Proto are a proxy's statement about the client's request: honoured only with
 * TRUST_PROXY, otherwise any client could make the app hand out links to its own host.
 * Without TRUST_PROXY, server.ts also strips the client's X-Forwarded-Proto, so the value seen
 * here is the one Next derives from the socket itself.
 */
export function resolvePublicOrigin({
  configured,
  headers,
  fallback,
  trustProxy,
}: {
  configured: string | undefined;
  headers: Headers;
  fallback: string;
  trustProxy: boolean;
}): string {
  if (configured) return configured;
  const forwardedHost = trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : null;
  const host = forwardedHost || headers.get("host");
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return fallback;
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${proto}://${host}`;
}
