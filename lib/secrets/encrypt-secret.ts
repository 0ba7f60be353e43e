import { createCipheriv, randomBytes } from "node:crypto";

/** AES-256-GCM; the output carries its version, IV and tag: `v1.<iv>.<tag>.<ciphertext>`. */
export function encryptSecret({ plaintext, key }: { plaintext: string; key: Buffer }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}
