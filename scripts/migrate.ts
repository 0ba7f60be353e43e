// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL without starting the server
// (a deploy step before new instances start, or a database prepared ahead of time).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MigrationError, runMigrations } from "@/lib/database/run-migrations";
import { getEnv } from "@/lib/env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function main(): Promise<number> {
  let databaseUrl: string | undefined;
  try {
    databaseUrl = getEnv().DATABASE_URL;
  } catch (error) {
    console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (!databaseUrl) {
    // The embedded server lives only while `npm start` runs, and it migrates itself then.
    console.error(
      "db:migrate: DATABASE_URL is not set. Set it to the server to migrate; without it, " +
        "`npm start` runs an embedded PostgreSQL and applies the migrations itself.",
    );
    return 1;
  }
  try {
    const result = await runMigrations({
      databaseUrl,
      migrationsDir: path.join(root, "prisma", "migrations"),
      log: (message) => console.log(message),
    });
    console.log(
      `db:migrate: ${result.applied.length} migrations applied now, ${result.alreadyApplied} before`,
    );
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`db:migrate: ${error instanceof MigrationError ? "" : "failed: "}${message}`);
    return 1;
  }
}

process.exitCode = await main();
