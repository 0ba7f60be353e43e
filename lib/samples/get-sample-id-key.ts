import { createHmac } from "node:crypto";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";

/**
 * The key that authenticates sample ids, derived from the secrets key so every instance
 * that can decrypt a bin's secret also recognises the samples the others sent.
 */
export function getSampleIdKey(): Buffer {
  return createHmac("sha256", getEncryptionKey()).update("webhook-echo sample ids v1").digest();
}
