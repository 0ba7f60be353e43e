import { ownerCookieName } from "@/lib/http/owner-cookie-name";

/** Set-Cookie for the browser that owns a bin: httpOnly, so page scripts never read it. */
export function buildOwnerCookie({
  binId,
  token,
  secure,
}: {
  binId: string;
  token: string;
  secure: boolean;
}): string {
  return `${ownerCookieName(binId)}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure ? "; Secure" : ""}`;
}
