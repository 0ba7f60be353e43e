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

/**
 * The headers of a capture answer, merged by lower-case name with the later layer winning:
 * CORS and no-store, then the answer's own (a malformed one is left out, checked the way Node's
 * writeHead would, rather than failing an answer whose delivery is already stored), then the
 * safety headers and Content-Length, which always win. Runs for every capture: small arrays
 * and a flat list, no per-answer dictionaries (it was ~2% of capture's CPU profile).
 */
export function buildAnswerHeaders({
  headers,
  contentLength,
}: BuildAnswerHeadersOptions): AnswerHeaders {
  const own: Array<[name: string, value: string, lower: string]> = [];
  let dropped: AnswerHeaders["dropped"] = null;
  for (const name in headers) {
    const value = headers[name]!;
    try {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    } catch (error) {
      (dropped ??= []).push({
        name,
        error: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    const lower = name.toLowerCase();
    const earlier = own.findIndex((entry) => entry[2] === lower);
    if (earlier !== -1) own.splice(earlier, 1);
    own.push([name, value, lower]);
  }
  const flat: string[] = [];
  for (const [name, value, lower] of BENEATH) {
    if (!own.some((entry) => entry[2] === lower)) flat.push(name, value);
  }
  for (const [name, value, lower] of own) {
    const overridden =
      ABOVE_LOWER.has(lower) ||
      (contentLength !== null && lower === "content-length") ||
      (contentLength === null && lower === "content-type");
    if (!overridden) flat.push(name, value);
  }
  for (const [name, value] of ABOVE) flat.push(name, value);
  if (contentLength !== null) flat.push("Content-Length", contentLength);
  return { flat, dropped };
}
