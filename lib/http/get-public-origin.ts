import { getEnv } from "@/lib/env";
import { resolvePublicOrigin } from "@/lib/http/resolve-public-origin";

/** Origin for echo/view URLs shown to users, from a route's Request or a page's headers(). */
export function getPublicOrigin({
  headers,
  fallback = "http://localhost",
}: {
  headers: Headers;
  fallback?: string;
}): string {
  const env = getEnv();
  return resolvePublicOrigin({
    configured: env.PUBLIC_BASE_URL,
    headers,
    fallback,
    trustProxy: env.TRUST_PROXY,
  });
}
