/** One delivery exactly as it reached the echo endpoint. */
export interface CapturedRequest {
  /** Any HTTP token, e.g. "POST"; case is preserved because methods are case-sensitive. */
  method: string;
  /** Part after /echo/<id>, e.g. "/webhooks/analysis" or "". */
  path: string;
  /** Raw query string without "?", exactly as received ("" if none). */
  query: string;
  /** Ordered, original case, duplicates kept: signatures and replays depend on all three. */
  headers: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array;
  contentType: string | null;
}
