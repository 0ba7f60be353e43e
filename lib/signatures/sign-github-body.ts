import { encodeHex } from "@/lib/signatures/encode-hex";
import { hmacPrefixedBody } from "@/lib/signatures/hmac-prefixed-body";

/** The X-Hub-Signature-256 value: "sha256=" + hex HMAC-SHA256(UTF-8 secret, raw body). */
export async function signGithubBody({
  body,
  secret,
}: {
  body: Uint8Array;
  secret: string;
}): Promise<string> {
  const key = new TextEncoder().encode(secret);
  return `sha256=${encodeHex(await hmacPrefixedBody({ key, prefix: "", body }))}`;
}
