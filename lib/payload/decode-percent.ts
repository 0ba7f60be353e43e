import { decodeUtf8 } from "@/lib/text/decode-utf8";

interface DecodePercentOptions {
  text: string;
}

/**
 * Percent-decodes as UTF-8, keeping malformed escapes and invalid UTF-8 byte sequences literally
 * (instead of throwing like decodeURIComponent or inventing U+FFFD) so the raw input stays visible.
 */
export function decodePercent({ text }: DecodePercentOptions): string {
  if (!text.includes("%")) return text;
  let output = "";
  let index = 0;
  while (index < text.length) {
    if (!isEscapeAt(text, index)) {
      output += text[index];
      index++;
      continue;
    }
    const escapes: string[] = [];
    while (isEscapeAt(text, index)) {
      escapes.push(text.slice(index, index + 3));
      index += 3;
    }
    output += decodeEscapes(escapes);
  }
  return output;
}

function isEscapeAt(text: string, index: number): boolean {
  return text[index] === "%" && /^[0-9A-Fa-f]{2}$/.test(text.slice(index + 1, index + 3));
}

function decodeEscapes(escapes: string[]): string {
  const bytes = escapes.map((escape) => parseInt(escape.slice(1), 16));
  let output = "";
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes[index] ?? 0);
    // An invalid sequence is kept as its original escape.
    const decoded =
      length > 0 && index + length <= bytes.length
        ? decodeUtf8({ bytes: new Uint8Array(bytes.slice(index, index + length)) })
        : null;
    if (decoded !== null) {
      output += decoded;
      index += length;
      continue;
    }
    output += escapes[index];
    index++;
  }
  return output;
}

function sequenceLength(leadByte: number): number {
  if (leadByte < 0x80) return 1;
  if (leadByte >= 0xc2 && leadByte <= 0xdf) return 2;
  if (leadByte >= 0xe0 && leadByte <= 0xef) return 3;
  if (leadByte >= 0xf0 && leadByte <= 0xf4) return 4;
  return 0;
}
