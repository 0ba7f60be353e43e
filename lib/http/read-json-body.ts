import { AppError } from "@/lib/errors";
import { decodeUtf8 } from "@/lib/text/decode-utf8";

export interface ReadJsonBodyOptions {
  request: Request;
  /** The route's own limit; a larger declared or streamed body is refused with 413. */
  maxBytes: number;
}

/**
 * Parses a JSON request body without ever holding more than `maxBytes` of it: a larger
 * Content-Length is refused before a byte is read, and a chunked body is cut off as soon as
 * it passes the limit. Call it only after the caller is authorised (see withRoute).
 *
 * Over the limit the stream is released, not cancelled: cancelling destroys the socket, and
 * the client would get a reset instead of the 413. What is left of the body is dropped after
 * the answer (lib/http/linger-after-early-answer.ts), never kept.
 */
export async function readJsonBody({ request, maxBytes }: ReadJsonBodyOptions): Promise<unknown> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `JSON body over ${maxBytes} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          throw new AppError("PAYLOAD_TOO_LARGE", `JSON body over ${maxBytes} bytes`);
        }
        chunks.push(value);
      }
    } finally {
      reader.releaseLock();
    }
  }
  const text = decodeUtf8({ bytes: Buffer.concat(chunks, total) });
  if (text === null) throw new AppError("BAD_REQUEST", "Body must be valid JSON in UTF-8");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Body must be valid JSON");
  }
}
