/**
 * The address a request came from. X-Forwarded-For is believed only behind a proxy we were
 * told about (TRUST_PROXY), since any client can send it.
 */
export function resolveClientIp({
  socketAddress,
  forwardedFor,
  trustProxy,
}: {
  socketAddress: string | null | undefined;
  forwardedFor: string | string[] | null | undefined;
  trustProxy: boolean;
}): string {
  if (trustProxy && forwardedFor) {
    const first = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)
      ?.split(",")[0]
      ?.trim();
    if (first && /^[0-9a-fA-F.:]{2,45}$/.test(first)) return first;
  }
  return socketAddress ?? "unknown";
}
