import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { peekSingleton, setSingleton } from "@/lib/singleton";

// The database URL is DATABASE_URL, or the embedded server's URL that server.ts registers with
// setDatabaseUrl() before anything queries. Kept apart from lib/db.ts so that code on the
// capture path can reach the database without loading Prisma.
export function setDatabaseUrl(url: string): void {
  setSingleton("databaseUrl", url);
}

export function getDatabaseUrl(): string {
  const url = peekSingleton<string>("databaseUrl") ?? getEnv().DATABASE_URL;
  if (!url) throw new AppError("UNAVAILABLE", "No database configured");
  return url;
}
