import type { ListFilter } from "@/lib/payload/list-filter";
import type { SignatureStatus } from "@/lib/signatures/signature-result";

const SIGNATURES: ReadonlySet<string> = new Set<SignatureStatus>([
  "valid",
  "invalid",
  "missing",
  "no_secret",
]);

// The list API takes at most this many json= entries.
const MAX_JSON = 10;

/**
 * The view's filter from its address (?method=POST&signature=invalid, the list API's own
 * parameter names, see buildFilterQuery): what cannot be a filter value is left out, so a
 * hand-edited link opens the list instead of an error.
 */
export function readListFilter({ params }: { params: URLSearchParams }): ListFilter {
  const method = (params.get("method") ?? "").trim().toUpperCase();
  const signature = params.get("signature") ?? "";
  const conformance = params.get("conformance") ?? "";
  return {
    method: /^[A-Z-]{1,32}$/.test(method) ? method : "",
    path: params.get("path") ?? "",
    header: params.get("header") ?? "",
    body: params.get("body") ?? "",
    signature: SIGNATURES.has(signature) ? (signature as SignatureStatus) : "",
    conformance: conformance === "valid" || conformance === "invalid" ? conformance : "",
    // Only the shape's first test here (the full check is the API's zod schema, which the
    // view applies before it sends, see check-json-filter.ts).
    json: params
      .getAll("json")
      .filter((entry) => entry.indexOf("=") > 0)
      .slice(0, MAX_JSON),
  };
}
