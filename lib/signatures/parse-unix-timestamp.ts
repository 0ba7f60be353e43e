// Digits only: Number() would also accept "1e9", " 12 " or "0x10", none of which a sender signs.
const TIMESTAMP_PATTERN = /^\d{1,12}$/;

/** Seconds since the epoch, or null when the text is not a plain decimal timestamp. */
export function parseUnixTimestamp(text: string): number | null {
  return TIMESTAMP_PATTERN.test(text) ? Number(text) : null;
}
