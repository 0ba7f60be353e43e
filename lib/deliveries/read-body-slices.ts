import { getReadDb, type ReadFrom } from "@/lib/db";

// Small enough that each slice (and its hex form on the wire from PostgreSQL, twice as long)
// is an ordinary young-generation object, not a large one that only a full GC frees; a
// multiple of 3 so base64 of consecutive slices concatenates to the base64 of the body.
export const BODY_SLICE_BYTES = 48 * 1024;

/**
 * The bodies of some deliveries of a bin as ordered slices of BODY_SLICE_BYTES. Reading a
 * 10 MiB body whole makes several 10-20 MB strings and buffers per row (hex text, bytes,
 * copies) that linger until a full garbage collection; slices keep memory close to the bytes.
 * Deliveries with an empty body get one empty slice; unknown ids none.
 */
export async function readBodySlices({
  binId,
  ids,
  readFrom = "primary",
}: {
  binId: string;
  ids: string[];
  /** Judging reads bodies on the primary (it writes verdicts next); exports may use a replica. */
  readFrom?: ReadFrom;
}): Promise<Map<string, Uint8Array[]>> {
  const slices = new Map<string, Uint8Array[]>();
  if (ids.length === 0) return slices;
  const rows = await getReadDb({ readFrom }).$queryRaw<Array<{ id: string; part: Uint8Array }>>`
    SELECT d.id::text AS id, substring(x.body from n * ${BODY_SLICE_BYTES}::int + 1 for ${BODY_SLICE_BYTES}::int) AS part
    FROM deliveries d
    -- Detoasted (decompressed) once per row, not once per slice.
    CROSS JOIN LATERAL (SELECT d.body || ''::bytea AS body OFFSET 0) x
    CROSS JOIN LATERAL generate_series(0, greatest(ceil(octet_length(x.body)::numeric / ${BODY_SLICE_BYTES}::int)::int - 1, 0)) AS n
    WHERE d.bin_id = ${binId} AND d.id = ANY(${ids}::uuid[])
    ORDER BY d.id, n`;
  for (const row of rows) {
    const list = slices.get(row.id);
    if (list) list.push(row.part);
    else slices.set(row.id, [row.part]);
  }
  return slices;
}
