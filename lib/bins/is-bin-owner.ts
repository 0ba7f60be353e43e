import { timingSafeEqual } from "node:crypto";
import { hashOwnerToken } from "@/lib/bins/hash-owner-token";

/** Compares a presented owner token with the stored hash in constant time. */
export function isBinOwner({
  ownerTokenHash,
  token,
}: {
  ownerTokenHash: string | null;
  token: string | null | undefined;
}): boolean {
  if (!ownerTokenHash || !token) return false;
  const presented = Buffer.from(hashOwnerToken(token), "utf8");
  const stored = Buffer.from(ownerTokenHash, "utf8");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
