import { HOP_BY_HOP_HEADERS } from "@/lib/payload/hop-by-hop-headers";

/**
 * Splits captured headers into the end-to-end ones to re-send (order, case and duplicates
 * kept) and the hop-by-hop ones, including any header the request's Connection header named.
 */
export function splitHopByHopHeaders({
  headers,
}: {
  headers: ReadonlyArray<readonly [string, string]>;
}): { endToEnd: Array<[string, string]>; hopByHop: Array<[string, string]> } {
  const connectionListed = new Set(
    headers
      .filter(([name]) => name.toLowerCase() === "connection")
      .flatMap(([, value]) => value.split(",").map((item) => item.trim().toLowerCase())),
  );
  const endToEnd: Array<[string, string]> = [];
  const hopByHop: Array<[string, string]> = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    (HOP_BY_HOP_HEADERS.has(lower) || connectionListed.has(lower) ? hopByHop : endToEnd).push([
      name,
      value,
    ]);
  }
  return { endToEnd, hopByHop };
}
