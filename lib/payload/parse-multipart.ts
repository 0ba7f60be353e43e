import { decodeUtf8 } from "@/lib/text/decode-utf8";
import { parseHeaderParams } from "@/lib/payload/parse-header-params";

export interface MultipartPart {
  /** Original case and order; header bytes are read as UTF-8 (what browsers send) or Latin-1. */
  headers: Array<[string, string]>;
  name: string | null;
  filename: string | null;
  contentType: string | null;
  /** Byte-exact copy of the part body. */
  body: Uint8Array;
  /** Decoded body for non-file parts that are valid UTF-8; files always get null. */
  text: string | null;
  size: number;
}

export interface ParsedMultipart {
  parts: MultipartPart[];
  /** Whether the closing "--boundary--" was found; false means the body was cut off. */
  complete: boolean;
}

interface ParseMultipartOptions {
  body: Uint8Array;
  boundary: string;
}

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * RFC 2046 multipart parsing on bytes, tolerant of what real senders do: bare LF line breaks,
 * preamble and epilogue, missing closing delimiter, parts without headers. Never throws.
 */
export function parseMultipart({ body, boundary }: ParseMultipartOptions): ParsedMultipart {
  const parts: MultipartPart[] = [];
  if (boundary === "") return { parts, complete: false };
  const delimiter = new TextEncoder().encode("--" + boundary);
  const search = createSearch(delimiter);

  let current = findDelimiter(body, delimiter, search, 0);
  while (current !== null && !current.closing) {
    const contentStart = current.next;
    const following = findDelimiter(body, delimiter, search, contentStart);
    if (following === null) {
      // Truncated capture: keep what arrived so the user still sees the partial part.
      if (contentStart < body.length) parts.push(parsePart(body.subarray(contentStart)));
      return { parts, complete: false };
    }
    // The line break before a delimiter belongs to the delimiter, not to the part body.
    let contentEnd = following.start;
    if (contentEnd > contentStart && body[contentEnd - 1] === LF) contentEnd--;
    if (contentEnd > contentStart && body[contentEnd - 1] === CR) contentEnd--;
    parts.push(parsePart(body.subarray(contentStart, contentEnd)));
    current = following;
  }
  return { parts, complete: current !== null };
}

interface Delimiter {
  start: number;
  /** Index just after the delimiter line (or after "--" for the closing delimiter). */
  next: number;
  closing: boolean;
}

function findDelimiter(
  body: Uint8Array,
  delimiter: Uint8Array,
  search: (haystack: Uint8Array, from: number) => number,
  from: number,
): Delimiter | null {
  let start = search(body, from);
  while (start !== -1) {
    // A delimiter only counts at the start of a line; elsewhere it is part of the content.
    if (start === 0 || body[start - 1] === LF) {
      const end = start + delimiter.length;
      if (body[end] === DASH && body[end + 1] === DASH)
        return { start, next: end + 2, closing: true };
      let cursor = end;
      while (body[cursor] === SPACE || body[cursor] === TAB) cursor++;
      if (cursor >= body.length) return { start, next: cursor, closing: false };
      if (body[cursor] === LF) return { start, next: cursor + 1, closing: false };
      if (body[cursor] === CR && body[cursor + 1] === LF) {
        return { start, next: cursor + 2, closing: false };
      }
    }
    start = search(body, start + 1);
  }
  return null;
}

// Knuth-Morris-Pratt keeps hostile bodies (many near-miss boundaries) linear.
function createSearch(pattern: Uint8Array): (haystack: Uint8Array, from: number) => number {
  const failure = new Int32Array(pattern.length);
  for (let index = 1, matched = 0; index < pattern.length; index++) {
    while (matched > 0 && pattern[index] !== pattern[matched]) matched = failure[matched - 1] ?? 0;
    if (pattern[index] === pattern[matched]) matched++;
    failure[index] = matched;
  }
  return (haystack, from) => {
    let matched = 0;
    for (let index = from; index < haystack.length; index++) {
      while (matched > 0 && haystack[index] !== pattern[matched]) {
        matched = failure[matched - 1] ?? 0;
      }
      if (haystack[index] === pattern[matched]) matched++;
      if (matched === pattern.length) return index - pattern.length + 1;
    }
    return -1;
  };
}

function parsePart(content: Uint8Array): MultipartPart {
  const headers: Array<[string, string]> = [];
  let bodyStart = content.length;
  let cursor = 0;
  while (cursor < content.length) {
    const lineFeed = content.indexOf(LF, cursor);
    const lineEnd = lineFeed === -1 ? content.length : lineFeed;
    const next = lineFeed === -1 ? content.length : lineFeed + 1;
    const line = decodeHeaderBytes(
      content.subarray(cursor, content[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd),
    );
    if (line === "") {
      bodyStart = next;
      break;
    }
    const colon = line.indexOf(":");
    const last = headers[headers.length - 1];
    if ((line.startsWith(" ") || line.startsWith("\t")) && last !== undefined) {
      // Obsolete line folding: the line continues the previous header's value.
      last[1] += " " + line.trim();
    } else if (colon > 0) {
      headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    } else if (cursor === 0) {
      // No header block at all: the part starts directly with its body.
      bodyStart = 0;
      break;
    }
    cursor = next;
  }

  const body = content.slice(bodyStart);
  const disposition = parseHeaderParams({
    header: findHeader(headers, "content-disposition") ?? "",
  });
  const name = disposition.params.get("name") ?? null;
  const extendedFilename = disposition.params.get("filename*");
  const filename =
    (extendedFilename === undefined ? null : decodeExtendedValue(extendedFilename)) ??
    disposition.params.get("filename") ??
    null;
  return {
    headers,
    name,
    filename,
    contentType: findHeader(headers, "content-type"),
    body,
    text: filename === null ? decodeUtf8({ bytes: body }) : null,
    size: body.length,
  };
}

function findHeader(headers: Array<[string, string]>, lowerName: string): string | null {
  return headers.find(([name]) => name.toLowerCase() === lowerName)?.[1] ?? null;
}

function decodeHeaderBytes(bytes: Uint8Array): string {
  return decodeUtf8({ bytes }) ?? decodeLatin1(bytes);
}

function decodeLatin1(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

// RFC 8187 `charset'language'percent-encoded`; null when it cannot be decoded faithfully.
function decodeExtendedValue(value: string): string | null {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (match === null) return null;
  const charset = (match[1] ?? "").toLowerCase();
  const encoded = match[2] ?? "";
  if (/%(?![0-9A-Fa-f]{2})/.test(encoded)) return null;
  const encoder = new TextEncoder();
  const bytes: number[] = [];
  // Splitting on escapes leaves them at odd indexes and raw text (sent by lax clients) at even ones.
  encoded.split(/(%[0-9A-Fa-f]{2})/).forEach((piece, index) => {
    if (index % 2 === 1) bytes.push(parseInt(piece.slice(1), 16));
    else for (const byte of encoder.encode(piece)) bytes.push(byte);
  });
  const decoded = new Uint8Array(bytes);
  return charset === "iso-8859-1" ? decodeLatin1(decoded) : decodeUtf8({ bytes: decoded });
}
