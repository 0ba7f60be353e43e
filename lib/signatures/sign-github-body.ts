import { encodeHex } from "@/lib/signatures/encode-hex";
import { hmacPrefixedBody, type SignBodyOptions } from "@/lib/signatures/hmac-prefixed-body";

/** The X-Hub-Signature-256 value: "sha256=" + hex HMAC-SHA256(UTF-8 secret, raw body). */
export async function signGithubBody({ body, secret }: SignBodyOptions): Promise<string> {
  return `sha256=${encodeHex(await hmacPrefixedBody({ key: secret, prefix: "", body }))}`;
}
