import type { ListFilter } from "@/lib/payload/list-filter";
import type { SignatureStatus } from "@/lib/signatures/signature-result";

const SIGNATURES: ReadonlySet<string> = new Set<SignatureStatus>([
  "valid",
  "invalid",
  "missing",
  "no_secret",
]);

/**
 * The view's filter from its address (?method=POST&signature=invalid, the list API's own
 * parameter names, see buildFilterQuery): what cannot be a filter value is left out, so a
 * hand-edited link opens the list instead of an error.
 */
export function readListFilter({ params }: { params: URLSearchParams }): ListFilter {
  const method = (params.get("method") ?? "").trim().toUpperCase();
  const signature = params.get("signature") ?? "";
  return {
    method: /^[A-Z-]{1,32}$/.test(method) ? method : "",
    path: params.get("path") ?? "",
    header: params.get("header") ?? "",
    body: params.get("body") ?? "",
    signature: SIGNATURES.has(signature) ? (signature as SignatureStatus) : "",
  };
}
