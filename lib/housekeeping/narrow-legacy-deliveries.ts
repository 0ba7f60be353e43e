import { getDb } from "@/lib/db";
import { listDeliveryPartitions } from "@/lib/housekeeping/list-delivery-partitions";
import { runPartitionDdl } from "@/lib/housekeeping/run-partition-ddl";
import { uuidLowerBound } from "@/lib/ids/uuid-lower-bound";

const LEGACY = "deliveries_legacy";
const UPPER = "deliveries_legacy_id_upper";
const DAY_MS = 86_400_000;
// The bound must stay ahead of every id a capture makes until the narrowing is done.
const MARGIN_MS = 3_600_000;

export type LegacyState = "none" | "narrowed" | "narrowed-now";

/**
 * The online half of the partitioning migration. The migration attached the old table as a
 * partition for every id (no scan); this narrows it to the ids below the next UTC midnight at
 * least an hour away (B), so daily partitions can be created from B on:
 * 1. `CHECK (id < B) NOT VALID`: a lock for an instant, no scan; ids made before B pass it.
 * 2. `VALIDATE`: scans the old rows under SHARE UPDATE EXCLUSIVE (captures and reads go on).
 * 3. detach and re-attach it `FROM (MINVALUE) TO (B)` in one short transaction; the validated
 *    check proves the bound, so nothing is scanned while the parent is locked.
 * Captures keep landing in it until B; from then on it only ages, and retention drops it once
 * B is older than the retention window. Resumable: each step reads where the last one got to.
 * The database's clock chooses B (it must be ahead of real captures, whatever clock the
 * sweep was given). Callers hold the sweep lock.
 */
export async function narrowLegacyDeliveries(): Promise<LegacyState> {
  const legacy = (await listDeliveryPartitions()).find((p) => p.name === LEGACY);
  if (!legacy) return "none";
  if (legacy.to !== null) return "narrowed";

  const [state] = await getDb().$queryRaw<
    Array<{ now: Date; definition: string | null; validated: boolean | null }>
  >`
    SELECT now() AS now,
      (SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ${LEGACY}::regclass AND conname = ${UPPER}) AS definition,
      (SELECT convalidated FROM pg_constraint WHERE conrelid = ${LEGACY}::regclass AND conname = ${UPPER}) AS validated`;
  const now = state!.now.getTime();
  let bound = /'([0-9a-f-]{36})'/.exec(state!.definition ?? "")?.[1] ?? null;
  let validated = state!.validated === true;
  if (bound !== null && bound <= uuidLowerBound(now + MARGIN_MS)) {
    // An earlier attempt stalled until B came close: start again with a later B.
    await runPartitionDdl({ statements: [`ALTER TABLE "${LEGACY}" DROP CONSTRAINT "${UPPER}"`] });
    bound = null;
  }
  if (bound === null) {
    bound = uuidLowerBound(Math.ceil((now + MARGIN_MS) / DAY_MS) * DAY_MS);
    validated = false;
    await runPartitionDdl({
      statements: [
        `ALTER TABLE "${LEGACY}" ADD CONSTRAINT "${UPPER}" CHECK (id < '${bound}') NOT VALID`,
      ],
    });
  }
  if (!validated) {
    // Outside runPartitionDdl's lock timeout on purpose: this lock blocks no capture or read.
    await getDb().$executeRawUnsafe(`ALTER TABLE "${LEGACY}" VALIDATE CONSTRAINT "${UPPER}"`);
  }
  await runPartitionDdl({
    statements: [
      `ALTER TABLE "deliveries" DETACH PARTITION "${LEGACY}"`,
      `ALTER TABLE "deliveries" ATTACH PARTITION "${LEGACY}" FOR VALUES FROM (MINVALUE) TO ('${bound}')`,
    ],
  });
  return "narrowed-now";
}
