import { createDecipheriv } from "node:crypto";

/** Inverse of encryptSecret; null when the value was made with another key or is damaged. */
export function decryptSecret({
  encrypted,
  key,
}: {
  encrypted: string;
  key: Buffer;
}): string | null {
  const [version, iv, tag, ciphertext] = encrypted.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
