/**
 * The origin users should see in echo/view URLs: PUBLIC_BASE_URL when configured (behind a
 * proxy), else what the request was addressed to.
 */
export function resolvePublicOrigin({
  configured,
  headers,
  fallback,
}: {
  configured: string | undefined;
  headers: Headers;
  fallback: string;
}): string {
  if (configured) return configured;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return fallback;
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return `${proto}://${host}`;
}
