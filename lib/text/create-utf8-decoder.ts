/**
 * The one place that decides how bytes become text. UTF-8, and a leading BOM is KEPT
 * (ignoreBOM) so that text shown, returned and exported stays byte-exact with what was
 * captured. Strict by default (throws on invalid bytes, so callers fall back to binary
 * views); `lenient` writes U+FFFD instead, for streams that must go on (SSE, printing a
 * body's first bytes). Use `decodeUtf8` for a whole body; this for streaming (`stream: true`).
 */
export function createUtf8Decoder({ lenient = false }: { lenient?: boolean } = {}): TextDecoder {
  return new TextDecoder("utf-8", { fatal: !lenient, ignoreBOM: true });
}
