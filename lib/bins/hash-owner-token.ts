import { createHash } from "node:crypto";

// Tokens are 256-bit random, so a plain SHA-256 is enough: no salt or slow hash needed.
export function hashOwnerToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
