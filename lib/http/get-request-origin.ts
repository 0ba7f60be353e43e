import { getEnv } from "@/lib/env";
import { resolvePublicOrigin } from "@/lib/http/resolve-public-origin";

export function getRequestOrigin(request: Request): string {
  return resolvePublicOrigin({
    configured: getEnv().PUBLIC_BASE_URL,
    headers: request.headers,
    fallback: new URL(request.url).origin,
  });
}
