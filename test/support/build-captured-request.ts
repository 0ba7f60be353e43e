import type { CapturedRequest } from "@/lib/payload/captured-request";

/** A captured POST /hook with no headers and no body, changed by `overrides`. */
export function buildCapturedRequest(overrides: Partial<CapturedRequest>): CapturedRequest {
  return {
    method: "POST",
    path: "/hook",
    query: "",
    headers: [],
    body: new Uint8Array(),
    contentType: null,
    ...overrides,
  };
}
