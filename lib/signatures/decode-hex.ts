const HEX_PATTERN = /^[0-9a-fA-F]*$/;

/** Returns null instead of throwing: header values are attacker-controlled. */
export function decodeHex(text: string): Uint8Array | null {
  if (text.length % 2 !== 0 || !HEX_PATTERN.test(text)) return null;
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  }
  return bytes;
}
