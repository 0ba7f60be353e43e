// Stays well below engine argument limits for String.fromCharCode.apply.
const CHUNK_SIZE = 0x8000;

interface EncodeBase64Options {
  bytes: Uint8Array;
}

/** Standard base64 (with padding) without Buffer, so it also runs in the browser. */
export function encodeBase64({ bytes }: EncodeBase64Options): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += CHUNK_SIZE) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK_SIZE));
  }
  return btoa(binary);
}
