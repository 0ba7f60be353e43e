import { decodeUtf8 } from "@/lib/text/decode-utf8";
import { concatBytes } from "@/lib/signatures/concat-bytes";
import { constantTimeEqual } from "@/lib/signatures/constant-time-equal";

export interface BodyVariant {
  body: Uint8Array;
  /** Completes "the signature matches …". */
  description: string;
}

const REENCODED = "(a proxy or framework re-encoded it)";

/**
 * Plausible bodies the sender may have signed, for telling "body changed in transit" apart from
 * "wrong secret". Never throws: a body that is not UTF-8 JSON simply yields fewer variants.
 */
export function listBodyVariants({ body }: { body: Uint8Array }): BodyVariant[] {
  const encoder = new TextEncoder();
  const variants: BodyVariant[] = [];
  // Smallest edits first: a trailing newline is a more precise diagnosis than re-encoding.
  if (endsWith(body, [13, 10])) {
    variants.push({
      body: body.subarray(0, body.length - 2),
      description: "the body without its trailing \\r\\n (a line ending was added in transit)",
    });
  } else if (endsWith(body, [10])) {
    variants.push({
      body: body.subarray(0, body.length - 1),
      description: "the body without its trailing \\n (a newline was added in transit)",
    });
  }
  const parsed = parseJson(body);
  if (parsed.ok) {
    try {
      variants.push({
        body: encoder.encode(JSON.stringify(parsed.value)),
        description: `the body re-serialised as compact JSON ${REENCODED}`,
      });
      variants.push({
        body: encoder.encode(JSON.stringify(parsed.value, null, 2)),
        description: `the body re-serialised as JSON with 2-space indentation ${REENCODED}`,
      });
    } catch {
      // Deeply nested input can overflow the stack while re-serialising; skip those variants.
    }
  }
  variants.push({
    body: concatBytes([body, new Uint8Array([10])]),
    description: "the body with a \\n appended (a trailing newline was stripped in transit)",
  });
  // A variant identical to the body would "match" for the wrong reason.
  return variants.filter((variant) => !constantTimeEqual(variant.body, body));
}

function parseJson(body: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  // Only objects and arrays are worth re-serialising; checking the first byte first spares
  // decoding a large non-JSON body into a string (a re-judge of a big bin does this per row).
  const start = jsonContainerStart(body);
  if (start === null) return { ok: false };
  // A leading BOM is not part of the JSON text: skipped here, on purpose.
  const text = decodeUtf8({ bytes: body.subarray(start) });
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function endsWith(body: Uint8Array, suffix: readonly number[]): boolean {
  if (body.length < suffix.length) return false;
  const start = body.length - suffix.length;
  return suffix.every((byte, i) => body[start + i] === byte);
}

/** Where the JSON text starts (after a UTF-8 BOM) if it opens an object or array, else null. */
function jsonContainerStart(body: Uint8Array): number | null {
  const start = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  for (let i = start; i < body.length; i++) {
    const byte = body[i];
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x7b || byte === 0x5b ? start : null;
  }
  return null;
}
