import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { getPgPool } from "@/lib/get-pg-pool";
import { getSingleton } from "@/lib/singleton";

// The only Prisma clients: the primary's, on the process's one pg pool (lib/get-pg-pool.ts,
// shared with the capture path), and one per read replica (DATABASE_READ_URL).
/** The primary: every write, and every read that must see the latest write. */
export function getDb(): PrismaClient {
  return getSingleton(
    "prisma",
    () => new PrismaClient({ adapter: new PrismaPg(getPgPool()), queryPlanCacheMaxSize: 0 }),
  );
}

function createReplicaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: getEnv().DATABASE_POOL_SIZE,
    // Fail fast while a replica is down: its reads answer 503 instead of hanging.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter, queryPlanCacheMaxSize: 0 });
}

function getReplicatedDb() {
  return getSingleton("prismaReplicated", () => {
    const primary = getDb();
    const urls = getEnv().DATABASE_READ_URL;
    // Without replicas the primary stands in as the only one: the same client, today's path.
    return primary.$extends(
      readReplicas({ replicas: urls.length === 0 ? [primary] : urls.map(createReplicaClient) }),
    );
  });
}

/** Whether DATABASE_READ_URL names any replica (else "replica" reads go to the primary). */
export function hasReadReplicas(): boolean {
  return getEnv().DATABASE_READ_URL.length > 0;
}

/**
 * Where a read goes. "replica": it may be a moment stale (lists, details, exports, stats), so
 * any read replica will do, picked at random per query. "primary": it must see the latest
 * write (live streams, owner checks, reads right after a write, verdicts being judged).
 */
export type ReadFrom = "primary" | "replica";

/**
 * A client for reads only. A replica's client is read-only by construction (a hot standby
 * refuses writes), so writes never take this: they go through getDb().
 */
export function getReadDb({ readFrom }: { readFrom: ReadFrom }): ReadDb {
  const db = getReplicatedDb();
  return readFrom === "replica" ? db.$replica() : db.$primary();
}

export type ReadDb = Omit<ReturnType<typeof getReplicatedDb>, "$primary" | "$replica">;

/** Closes every replica's pool, then the process's pg pool (the primary's). */
export async function disconnectDb(): Promise<void> {
  try {
    await getReplicatedDb().$disconnect();
  } finally {
    // Whatever Prisma says: pooled connections left open would be cut by the embedded
    // database's stop, and a server on DATABASE_URL would leave them to time out.
    await getPgPool().end();
  }
}
