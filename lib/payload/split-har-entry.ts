import { buildHar, type HarEntryInput } from "@/lib/payload/build-har";
import type { HarCreator, HarPostData } from "@/lib/payload/har";

export interface HarEntryFrame {
  /** JSON of the entry up to the opening quote of postData.text (the whole entry if no body). */
  head: string;
  /** JSON after the closing quote of postData.text ("" if no body). */
  tail: string;
}

/**
 * The HAR entry of a delivery as JSON text split around its body, so a large body can be
 * written in pieces (JSON-escaped text or base64) instead of as one huge string:
 * `head + pieces + tail` equals `JSON.stringify(buildHar(...).log.entries[0])` byte for byte.
 * `bodyAs` must be what buildHar would pick: "text" for strict UTF-8, else "base64".
 */
export function splitHarEntry({
  input,
  creator,
  bodySize,
  bodyAs,
}: {
  /** The entry; its request.body is ignored (the body is streamed). */
  input: HarEntryInput;
  creator: HarCreator;
  bodySize: number;
  bodyAs: "text" | "base64";
}): HarEntryFrame {
  const [entry] = buildHar({
    creator,
    entries: [{ ...input, request: { ...input.request, body: new Uint8Array() } }],
  }).log.entries;
  if (bodySize === 0) return { head: JSON.stringify(entry), tail: "" };
  // A body-less entry has no postData: rebuild the request with it, in buildHar's key order.
  const { headersSize, bodySize: _none, ...request } = entry!.request;
  // Unguessable, so no captured header, query or answer can contain it.
  const marker = `body-${globalThis.crypto.randomUUID()}`;
  const mimeType = input.request.contentType ?? "";
  const postData: HarPostData =
    bodyAs === "text"
      ? { mimeType, text: marker }
      : { mimeType, text: marker, comment: "base64", _encoding: "base64" };
  const json = JSON.stringify({
    ...entry,
    request: { ...request, postData, headersSize, bodySize },
  });
  const quoted = JSON.stringify(marker);
  const at = json.indexOf(quoted);
  return { head: json.slice(0, at + 1), tail: json.slice(at + quoted.length - 1) };
}
