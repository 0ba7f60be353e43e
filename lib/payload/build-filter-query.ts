import type { ListFilter } from "@/lib/payload/list-filter";

const KEYS = ["method", "path", "header", "body", "signature", "conformance"] as const;

/** The list/export API parameters for a filter ("" when nothing is filtered), without "?". */
export function buildFilterQuery({ filter }: { filter: ListFilter }): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = key === "method" ? filter.method.trim().toUpperCase() : filter[key];
    if (value !== "") params.set(key, value);
  }
  for (const entry of filter.json) params.append("json", entry);
  return params.toString();
}
