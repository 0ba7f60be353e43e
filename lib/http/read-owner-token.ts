import { ownerCookieName } from "@/lib/http/owner-cookie-name";

/** The owner token a request presents: `Authorization: Bearer <token>`, else the bin's cookie. */
export function readOwnerToken({
  request,
  binId,
}: {
  /** A fetch Request, or anything that reads headers the same way (server.ts's own routes). */
  request: { headers: Pick<Headers, "get"> };
  binId: string;
}): string | null {
  const authorization = request.headers.get("authorization");
  const bearer = authorization && /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (bearer?.[1]) return bearer[1];
  const cookieName = ownerCookieName(binId);
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === cookieName) return rest.join("=") || null;
  }
  return null;
}
