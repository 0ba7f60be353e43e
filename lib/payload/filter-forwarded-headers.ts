import { checkResponseHeaders } from "@/lib/payload/check-response-headers";

export interface FilteredForwardedHeaders {
  /** What the echo may answer with, one value per name (repeats joined with ", "). */
  headers: Record<string, string>;
  contentType: string | null;
  /** "<name>: <why>" for every header left out. */
  dropped: string[];
}

/**
 * The local app's answer headers (as the forwarder read them, in order, repeats allowed) made
 * fit to be answered from our origin: hop-by-hop headers (and those its Connection header
 * names) go, then the same rules as an owner's simulated answer (check-response-headers.ts).
 */
export function filterForwardedHeaders({
  headers,
}: {
  headers: ReadonlyArray<readonly [string, string]>;
}): FilteredForwardedHeaders {
  const connectionNamed = new Set(
    headers
      .filter(([name]) => name.toLowerCase() === "connection")
      .flatMap(([, value]) => value.split(","))
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const dropped: string[] = [];
  const merged = new Map<string, [string, string]>();
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (connectionNamed.has(lower)) {
      dropped.push(`${name}: named by Connection (hop-by-hop)`);
      continue;
    }
    const earlier = merged.get(lower);
    merged.set(lower, earlier ? [earlier[0], `${earlier[1]}, ${value}`] : [name, value]);
  }
  const checked = checkResponseHeaders({ headers: Object.fromEntries(merged.values()) });
  for (const { name, reason } of checked.refused) dropped.push(`${name}: ${reason}`);
  return { headers: checked.headers, contentType: checked.contentType, dropped };
}
