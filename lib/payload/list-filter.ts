import type { SignatureStatus } from "@/lib/signatures/signature-result";

/** The view's search/filter bar; "" means "not filtered by this field". */
export interface ListFilter {
  /** Exact method, any case. */
  method: string;
  /** Substring of path + "?" + query, any case. */
  path: string;
  /** Substring of any "Name: value" header line, any case. */
  header: string;
  /** Substring of the body bytes, case-sensitive. */
  body: string;
  signature: SignatureStatus | "";
  /** Schema verdict of the body ("" = any; deliveries no schema applies to match neither). */
  conformance: "valid" | "invalid" | "";
  /** `<dot.path>=<value>` entries, all must hold (one repeated `json=` parameter each). */
  json: string[];
}
