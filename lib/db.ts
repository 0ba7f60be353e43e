import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getSingleton, peekSingleton, setSingleton } from "@/lib/singleton";

// The only Prisma client. The database URL is DATABASE_URL, or the embedded server's URL
// that server.ts registers with setDatabaseUrl() before anything queries.
export function setDatabaseUrl(url: string): void {
  setSingleton("databaseUrl", url);
}

export function getDatabaseUrl(): string {
  const url = peekSingleton<string>("databaseUrl") ?? getEnv().DATABASE_URL;
  if (!url) throw new AppError("UNAVAILABLE", "No database configured");
  return url;
}

export function getDb(): PrismaClient {
  return getSingleton("prisma", () => {
    const adapter = new PrismaPg({
      connectionString: getDatabaseUrl(),
      max: getEnv().DATABASE_POOL_SIZE,
      // Fail fast while the database is down so capture answers 503 instead of hanging.
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30_000,
    });
    return new PrismaClient({ adapter, queryPlanCacheMaxSize: 0 });
  });
}
