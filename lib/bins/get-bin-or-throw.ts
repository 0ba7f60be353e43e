import type { PublicBin } from "@/lib/bins/public-bin";
import { parseStoredSettings } from "@/lib/bins/parse-stored-settings";
import { readStoredJsonSchema } from "@/lib/bins/read-stored-json-schema";
import { isValidBinId } from "@/lib/ids/bin-id";
import { getDb } from "@/lib/db";
import { checkDeliveryCountsReady } from "@/lib/database/check-delivery-counts-ready";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getForwardHub } from "@/lib/live/get-forward-hub";

// Exact, and O(1) in the bin's size: the sum of the few rows the deliveries' triggers keep
// (migration 20261201070000), not a scan of the bin's index — once the rows from before the
// triggers are in them; until the sweep's backfill, a scan.
async function countDeliveries({ binId }: { binId: string }): Promise<number> {
  const db = getDb();
  const [row] = (await checkDeliveryCountsReady())
    ? await db.$queryRaw<Array<{ n: number }>>`
        SELECT coalesce(sum(n), 0)::int AS n FROM delivery_counts WHERE bin_id = ${binId}`
    : await db.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM deliveries WHERE bin_id = ${binId}`;
  return row?.n ?? 0;
}

export async function getBinOrThrow({ binId }: { binId: string }): Promise<PublicBin> {
  if (!isValidBinId(binId)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  const db = getDb();
  const [bin, newest, deliveryCount] = await Promise.all([
    db.bin.findUnique({ where: { id: binId } }),
    db.delivery.findFirst({
      where: { binId },
      orderBy: { id: "desc" },
      select: { receivedAt: true },
    }),
    countDeliveries({ binId }),
  ]);
  if (!bin) throw new AppError("NOT_FOUND", `Bin ${binId} not found`);
  const env = getEnv();
  return {
    id: bin.id,
    createdAt: bin.createdAt.toISOString(),
    lastDeliveryAt: (newest?.receivedAt ?? bin.lastDeliveryAt)?.toISOString() ?? null,
    deliveryCount,
    hasOwner: bin.ownerTokenHash !== null,
    hasSecret: bin.webhookSecretEncrypted !== null,
    ...parseStoredSettings(bin.settings),
    jsonSchema: readStoredJsonSchema({ text: bin.jsonSchema }),
    jsonSchemaName: bin.jsonSchemaName,
    rejectedCount: bin.rejectedCount,
    forwardResponding: getForwardHub().holds.hasResponder(binId),
    limits: {
      retentionDays: env.RETENTION_DAYS,
      maxDeliveriesPerBin: env.MAX_DELIVERIES_PER_BIN,
      maxBodyBytes: env.MAX_BODY_BYTES,
    },
  };
}
