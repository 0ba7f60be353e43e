import { getDb } from "@/lib/db";

export interface DeliveryPartition {
  name: string;
  /** Inclusive lower id bound; null for MINVALUE (and for the default partition). */
  from: string | null;
  /** Exclusive upper id bound; null for MAXVALUE (and for the default partition). */
  to: string | null;
  isDefault: boolean;
}

const UUID = /'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'/;

/**
 * The partitions of `deliveries` with their id ranges, read from the catalog. Bounds come back
 * as lowercase canonical UUID text, so comparing them as strings is comparing them as UUIDs.
 */
export async function listDeliveryPartitions(): Promise<DeliveryPartition[]> {
  const rows = await getDb().$queryRaw<Array<{ name: string; bound: string }>>`
    SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'deliveries'::regclass
    ORDER BY c.relname`;
  return rows.map(({ name, bound }) => {
    if (bound === "DEFAULT") return { name, from: null, to: null, isDefault: true };
    const [, lower = "", upper = ""] = /FROM \((.*)\) TO \((.*)\)/.exec(bound) ?? [];
    return {
      name,
      from: UUID.exec(lower)?.[1] ?? null,
      to: UUID.exec(upper)?.[1] ?? null,
      isDefault: false,
    };
  });
}
