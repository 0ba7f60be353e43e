export interface CreateUuidV7Options {
  now: () => number;
  randomBytes: (length: number) => Uint8Array;
}

// Byte -> two hex digits, looked up: an id is made per delivery on the capture path.
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/**
 * RFC 9562 UUIDv7: 48-bit millisecond timestamp then random bits, so ids sort by arrival and
 * the delivery id doubles as the list cursor.
 */
export function createUuidV7({ now, randomBytes }: CreateUuidV7Options): string {
  const bytes = randomBytes(16);
  let ms = now();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  let hex = "";
  for (const byte of bytes) hex += HEX[byte];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
