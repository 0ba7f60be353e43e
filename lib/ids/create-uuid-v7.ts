export interface CreateUuidV7Options {
  now: () => number;
  randomBytes: (length: number) => Uint8Array;
}

// Byte -> two hex digits, looked up: an id is made per delivery on the capture path.
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

// The time part ("tttttttt-tttt-") of the last id: deliveries of one millisecond share it.
let lastMs = -1;
let timePart = "";

/**
 * RFC 9562 UUIDv7: 48-bit millisecond timestamp then random bits, so ids sort by arrival and
 * the delivery id doubles as the list cursor. Built as text directly, from 10 random bytes
 * (the version and variant take the rest): about half the time of formatting 16 bytes.
 */
export function createUuidV7({ now, randomBytes }: CreateUuidV7Options): string {
  const ms = now();
  if (ms !== lastMs) {
    // The low 48 bits, as the field holds, byte by byte through the table: Number#toString(16)
    // went to V8's runtime, ~1 µs a call (once per millisecond under load).
    const high = Math.floor(ms / 0x1_0000_0000) & 0xffff;
    const low = ms >>> 0;
    timePart =
      HEX[high >>> 8]! +
      HEX[high & 0xff]! +
      HEX[low >>> 24]! +
      HEX[(low >>> 16) & 0xff]! +
      "-" +
      HEX[(low >>> 8) & 0xff]! +
      HEX[low & 0xff]! +
      "-";
    lastMs = ms;
  }
  const r = randomBytes(10);
  return (
    timePart +
    HEX[0x70 | (r[0]! & 0x0f)] +
    HEX[r[1]!] +
    "-" +
    HEX[0x80 | (r[2]! & 0x3f)] +
    HEX[r[3]!] +
    "-" +
    HEX[r[4]!] +
    HEX[r[5]!] +
    HEX[r[6]!] +
    HEX[r[7]!] +
    HEX[r[8]!] +
    HEX[r[9]!]
  );
}
