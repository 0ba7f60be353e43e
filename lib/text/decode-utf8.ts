import { createUtf8Decoder } from "@/lib/text/create-utf8-decoder";

const strictDecoder = createUtf8Decoder();

interface DecodeUtf8Options {
  bytes: Uint8Array;
}

/**
 * Strict UTF-8 decoding of a whole body, a leading BOM kept: null instead of U+FFFD so callers
 * can fall back to binary views.
 */
export function decodeUtf8({ bytes }: DecodeUtf8Options): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}
