// HMAC zero-pads keys to the block size, so an empty key equals 64 zero bytes; WebCrypto
// rejects zero-length keys, hence the substitution.
const HMAC_BLOCK_BYTES = 64;

export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  // A copy gives WebCrypto a plain ArrayBuffer-backed key (never a shared buffer).
  const keyBytes = key.length === 0 ? new Uint8Array(HMAC_BLOCK_BYTES) : new Uint8Array(key);
  const cryptoKey = await globalThis.crypto.subtle.importKey(
    "raw",
    keyBytes,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  // WebCrypto copies the bytes itself; copying a large body first only doubles the garbage.
  const message =
    data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
  const signature = await globalThis.crypto.subtle.sign("HMAC", cryptoKey, message);
  return new Uint8Array(signature);
}
