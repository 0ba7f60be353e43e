import type { HeaderPairs } from "@/lib/signatures/signature-result";

export type SingleHeader =
  { kind: "absent" } | { kind: "duplicate"; count: number } | { kind: "present"; value: string };

/** Duplicates are reported, not merged: which copy was signed would be a guess. */
export function readSingleHeader({
  headers,
  name,
}: {
  headers: HeaderPairs;
  name: string;
}): SingleHeader {
  const wanted = name.toLowerCase();
  const values = headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
  const [first] = values;
  if (first === undefined) return { kind: "absent" };
  if (values.length > 1) return { kind: "duplicate", count: values.length };
  return { kind: "present", value: first.trim() };
}
