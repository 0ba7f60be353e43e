import type { MixRow } from "@/components/view/mix-row";

/** A chart's text alternative: "Our answers: 2xx 3, 4xx 1, 5xx 5" (empty rows left out). */
export function describeMix({ title, rows }: { title: string; rows: readonly MixRow[] }): string {
  const parts = rows.filter((row) => row.value > 0).map((row) => `${row.label} ${row.value}`);
  return `${title}: ${parts.length === 0 ? "none" : parts.join(", ")}`;
}
