export interface CreateRandomTokenOptions {
  /** Random bytes (crypto.randomBytes in production, a fixed sequence in tests). */
  random: (length: number) => Uint8Array;
  /** How many random bytes the token encodes. */
  bytes: number;
}

/**
 * `bytes` random bytes as base64url, never starting with "-": people paste ids and tokens into
 * shell commands (`webhook-echo forward <id> --token <token>`), where a leading dash reads as an
 * option. Redrawing (about 1 in 16 draws) keeps the rest uniform; it costs < 0.1 bit.
 */
export function createRandomToken({ random, bytes }: CreateRandomTokenOptions): string {
  for (;;) {
    const token = Buffer.from(random(bytes)).toString("base64url");
    if (!token.startsWith("-")) return token;
  }
}
