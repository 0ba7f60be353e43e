import { validateHeaderName, validateHeaderValue } from "node:http";
import { CORS_HEADERS } from "@/lib/http/cors-headers";
import { SANDBOX_HEADERS } from "@/lib/http/sandbox-headers";

export interface BuildAnswerHeadersOptions {
  /** The answer's own headers: the owner's, the delivery id, the content type. */
  headers: Record<string, string>;
  /**
   * Content-Length, or null for an answer that carries no body by definition (204, 205, 304):
   * it then gets no content type either.
   */
  contentLength: string | null;
}

export interface AnswerHeaders {
  /** Names and values in one flat list, as `res.writeHead` takes them. */
  flat: string[];
  /** Headers left out because Node would refuse them (null when none was). */
  dropped: Array<{ name: string; error: string }> | null;
}

type Layer = ReadonlyArray<readonly [name: string, value: string, lower: string]>;

const layer = (headers: Record<string, string>): Layer =>
  Object.entries(headers).map(([name, value]) => [name, value, name.toLowerCase()] as const);

// Beneath the answer's headers (it may override them) ...
const BENEATH = layer({ ...CORS_HEADERS, "Cache-Control": "no-store" });
// ... and above them: whatever a bin's owner makes the endpoint answer must never run as a page.
const ABOVE = layer(SANDBOX_HEADERS);
const ABOVE_LOWER = new Set(ABOVE.map(([, , lower]) => lower));

// Lower-case spellings of the names answers used, each validated once: an answer's names are
// nearly always the same few (the delivery id, the content type, a bin's own), so most answers
// validate and lower-case no name. Bounded: names past it are simply checked every time.
const KNOWN_NAMES = new Map<string, string>();
const MAX_KNOWN_NAMES = 512;

/** The name's lower-case spelling; throws as Node's writeHead would for a malformed name. */
function lowerValidName(name: string): string {
  let lower = KNOWN_NAMES.get(name);
  if (lower === undefined) {
    validateHeaderName(name);
    lower = name.toLowerCase();
    if (KNOWN_NAMES.size < MAX_KNOWN_NAMES) KNOWN_NAMES.set(name, lower);
  }
  return lower;
}

/** Index of the triple whose lower-case name is `lower` in [name, value, lower, ...], or -1. */
function findLower(own: readonly string[], lower: string): number {
  for (let i = 2; i < own.length; i += 3) if (own[i] === lower) return i - 2;
  return -1;
}

/**
 * The headers of a capture answer, merged by lower-case name with the later layer winning:
 * CORS and no-store, then the answer's own (a malformed one is left out, checked the way Node's
 * writeHead would, rather than failing an answer whose delivery is already stored), then the
 * safety headers and Content-Length, which always win. Runs for every capture: flat lists, no
 * per-answer dictionaries, closures or lower-cased copies of names already seen.
 */
export function buildAnswerHeaders({
  headers,
  contentLength,
}: BuildAnswerHeadersOptions): AnswerHeaders {
  // The answer's own headers as [name, value, lower, ...] triples.
  const own: string[] = [];
  let dropped: AnswerHeaders["dropped"] = null;
  for (const name in headers) {
    const value = headers[name]!;
    let lower: string;
    try {
      lower = lowerValidName(name);
      validateHeaderValue(name, value);
    } catch (error) {
      (dropped ??= []).push({
        name,
        error: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    const earlier = findLower(own, lower);
    if (earlier !== -1) own.splice(earlier, 3);
    own.push(name, value, lower);
  }
  const flat: string[] = [];
  for (const [name, value, lower] of BENEATH) {
    if (findLower(own, lower) === -1) flat.push(name, value);
  }
  for (let i = 0; i < own.length; i += 3) {
    const lower = own[i + 2]!;
    const overridden =
      ABOVE_LOWER.has(lower) ||
      (contentLength !== null && lower === "content-length") ||
      (contentLength === null && lower === "content-type");
    if (!overridden) flat.push(own[i]!, own[i + 1]!);
  }
  for (const [name, value] of ABOVE) flat.push(name, value);
  if (contentLength !== null) flat.push("Content-Length", contentLength);
  return { flat, dropped };
}
