// ignoreBOM keeps a leading BOM in the output so displayed and exported text stays byte-exact.
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

interface DecodeUtf8Options {
  bytes: Uint8Array;
}

/** Strict UTF-8 decoding: null instead of U+FFFD so callers can fall back to binary views. */
export function decodeUtf8({ bytes }: DecodeUtf8Options): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}
