import type { ListFilter } from "@/lib/payload/list-filter";

export interface FilterableSummary {
  method: string;
  path: string;
  query: string;
  signature?: { status: string } | null;
  conformance?: { valid: boolean } | null;
}

/**
 * Whether a live delivery belongs in a filtered list, judged from its summary the way the list
 * API judges it. Header and body filters need the full delivery: "unknown" then.
 */
export function matchSummaryFilter({
  delivery,
  filter,
}: {
  delivery: FilterableSummary;
  filter: ListFilter;
}): "match" | "no-match" | "unknown" {
  const method = filter.method.trim();
  if (method !== "" && delivery.method.toUpperCase() !== method.toUpperCase()) return "no-match";
  if (
    filter.path !== "" &&
    !`${delivery.path}?${delivery.query}`.toLowerCase().includes(filter.path.toLowerCase())
  ) {
    return "no-match";
  }
  if (filter.signature !== "") {
    if (!delivery.signature) return "unknown";
    if (delivery.signature.status !== filter.signature) return "no-match";
  }
  if (filter.conformance !== "") {
    // null: no schema applies (or the verdict is not known yet): only the API can tell.
    if (!delivery.conformance) return "unknown";
    if (delivery.conformance.valid !== (filter.conformance === "valid")) return "no-match";
  }
  if (filter.header !== "" || filter.body !== "" || filter.json.length > 0) return "unknown";
  return "match";
}
