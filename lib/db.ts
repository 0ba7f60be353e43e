import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { setDatabaseUrl as registerDatabaseUrl } from "@/lib/database-url";
import { getPgPool } from "@/lib/get-pg-pool";
import { getSingleton } from "@/lib/singleton";

/** @deprecated Import it from lib/database-url.ts: this module loads Prisma. Kept while server.ts still imports it from here. */
export function setDatabaseUrl(url: string): void {
  registerDatabaseUrl(url);
}

// The only Prisma client, on the process's one pg pool (lib/get-pg-pool.ts).
export function getDb(): PrismaClient {
  return getSingleton(
    "prisma",
    () => new PrismaClient({ adapter: new PrismaPg(getPgPool()), queryPlanCacheMaxSize: 0 }),
  );
}
