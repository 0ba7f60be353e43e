// HMAC zero-pads keys to the block size, so an empty key equals 64 zero bytes; WebCrypto
// rejects zero-length keys, hence the substitution.
const HMAC_BLOCK_BYTES = 64;

export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  // Copies give WebCrypto plain ArrayBuffer-backed views (never shared or offset buffers).
  const keyBytes = key.length === 0 ? new Uint8Array(HMAC_BLOCK_BYTES) : new Uint8Array(key);
  const cryptoKey = await globalThis.crypto.subtle.importKey(
    "raw",
    keyBytes,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signature = await globalThis.crypto.subtle.sign("HMAC", cryptoKey, new Uint8Array(data));
  return new Uint8Array(signature);
}
