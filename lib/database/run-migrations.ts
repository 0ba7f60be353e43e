import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Prisma's own lock id: holding it keeps us and `prisma migrate` from running at once, and
// serialises several app instances starting together.
const PRISMA_ADVISORY_LOCK = 72707369;

export interface RunMigrationsOptions {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (message: string) => void;
}

export interface RunMigrationsResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {}

/**
 * Applies prisma/migrations/<name>/migration.sql files in order and records them in
 * `_prisma_migrations` exactly as Prisma's engine does, so `prisma migrate deploy` agrees.
 */
export async function runMigrations({
  databaseUrl,
  migrationsDir = path.join(process.cwd(), "prisma", "migrations"),
  log = () => {},
}: RunMigrationsOptions): Promise<RunMigrationsResult> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);

    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration "${failed.migration_name}" failed earlier and blocks new migrations (Prisma P3009). ` +
          `Fix the database by hand, then mark it with \`prisma migrate resolve --rolled-back ${failed.migration_name}\` ` +
          `or delete its row from "_prisma_migrations".`,
      );
    }
    const applied = new Map(
      rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]),
    );

    const names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();

    const newlyApplied: string[] = [];
    for (const name of names) {
      const sql = await readFile(path.join(migrationsDir, name, "migration.sql"));
      const checksum = createHash("sha256").update(sql).digest("hex");
      const existing = applied.get(name);
      if (existing) {
        if (existing.checksum !== checksum) {
          log(`warning: migration ${name} was modified after it was applied`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, checksum, name],
      );
      try {
        // One simple query: Postgres runs a multi-statement string as one implicit transaction.
        await client.query(sql.toString("utf8"));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [
          id,
          message,
        ]);
        throw new MigrationError(`Migration "${name}" failed: ${message}`);
      }
      await client.query(
        `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      newlyApplied.push(name);
      log(`applied migration ${name}`);
    }
    return { applied: newlyApplied, alreadyApplied: applied.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end().catch(() => {});
  }
}
