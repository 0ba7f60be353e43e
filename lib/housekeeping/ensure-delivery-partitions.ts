import { deliveryPartitionName } from "@/lib/housekeeping/delivery-partition-name";
import { listDeliveryPartitions } from "@/lib/housekeeping/list-delivery-partitions";
import { runPartitionDdl } from "@/lib/housekeeping/run-partition-ddl";
import { uuidLowerBound } from "@/lib/ids/uuid-lower-bound";

const DAY_MS = 86_400_000;

export interface EnsureDeliveryPartitionsOptions {
  now: () => Date;
  /** Days after today that get their partition now (a server down that long still captures). */
  daysAhead?: number;
  /** Days before today: only the bench (loading old rows) asks for more than yesterday. */
  daysBehind?: number;
}

/**
 * Creates the daily partitions of `deliveries` from yesterday to `daysAhead` days after today
 * (UTC) that do not exist yet, skipping ranges an existing partition (the legacy table)
 * covers. Each is created as a plain table and then attached: ATTACH needs only SHARE UPDATE
 * EXCLUSIVE on the parent, so captures and reads go on (CREATE … PARTITION OF would lock them
 * out). Rows that fell into the default partition for that day move into it in the same
 * transaction. Callers hold the sweep lock. Returns the names created.
 */
export async function ensureDeliveryPartitions({
  now,
  daysAhead = 7,
  daysBehind = 1,
}: EnsureDeliveryPartitionsOptions): Promise<string[]> {
  const existing = await listDeliveryPartitions();
  const ranges = existing.filter((p) => !p.isDefault);
  const defaultPartition = existing.find((p) => p.isDefault);
  const today = Math.floor(now().getTime() / DAY_MS) * DAY_MS;
  const created: string[] = [];
  for (let day = today - daysBehind * DAY_MS; day <= today + daysAhead * DAY_MS; day += DAY_MS) {
    const from = uuidLowerBound(day);
    const to = uuidLowerBound(day + DAY_MS);
    const overlaps = ranges.some((p) => (p.from ?? "") < to && from < (p.to ?? "g"));
    if (overlaps) continue;
    const name = deliveryPartitionName({ dayStartMs: day });
    const check = `${name}_id_range`;
    await runPartitionDdl({
      statements: [
        `CREATE TABLE "${name}" (LIKE "deliveries" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
        // Proves the range to ATTACH, which then skips scanning the new table.
        `ALTER TABLE "${name}" ADD CONSTRAINT "${check}" CHECK (id >= '${from}' AND id < '${to}')`,
        ...(defaultPartition
          ? [
              // Held to the commit, so no capture lands in the default partition between the
              // move and the ATTACH that checks it (ATTACH takes this lock anyway).
              `LOCK TABLE "${defaultPartition.name}" IN ACCESS EXCLUSIVE MODE`,
              `WITH moved AS (DELETE FROM "${defaultPartition.name}" WHERE id >= '${from}' AND id < '${to}' RETURNING *)
               INSERT INTO "${name}" SELECT * FROM moved`,
            ]
          : []),
        `ALTER TABLE "deliveries" ATTACH PARTITION "${name}" FOR VALUES FROM ('${from}') TO ('${to}')`,
        // The partition bound says the same from now on; the copy would be checked per insert.
        `ALTER TABLE "${name}" DROP CONSTRAINT "${check}"`,
      ],
    });
    ranges.push({ name, from, to, isDefault: false });
    created.push(name);
  }
  return created;
}
