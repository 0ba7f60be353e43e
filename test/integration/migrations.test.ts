import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { MigrationError, runMigrations } from "@/lib/database/run-migrations";
import { findClosedPort } from "@/test/support/find-closed-port";
import { runNodeProcess } from "@/test/support/run-node-process";
import { startTestServer } from "@/test/support/start-test-server";

const adminUrl = inject("adminDatabaseUrl");
const migrationsDir = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `webhook_echo_migrate_${process.pid}_${created.length}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

let databaseUrl: string;
beforeEach(async () => {
  databaseUrl = await freshDatabase();
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe("migration runner", () => {
  it("applies every migration to a fresh database and records it as Prisma does", async () => {
    const names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const result = await runMigrations({ databaseUrl, migrationsDir });
    expect(result.applied).toEqual(names);
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
      id: string;
    }>(databaseUrl, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(path.join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const columns = await query<{
      column_name: string;
      data_type: string;
      character_maximum_length: number | null;
    }>(
      databaseUrl,
      `SELECT column_name, data_type, character_maximum_length FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.character_maximum_length])).toEqual([
      ["id", "character varying", 36],
      ["checksum", "character varying", 64],
      ["finished_at", "timestamp with time zone", null],
      ["migration_name", "character varying", 255],
      ["logs", "text", null],
      ["rolled_back_at", "timestamp with time zone", null],
      ["started_at", "timestamp with time zone", null],
      ["applied_steps_count", "integer", null],
    ]);
  });

  it("is a no-op when run again", async () => {
    await runMigrations({ databaseUrl, migrationsDir });
    const before = await query(databaseUrl, `SELECT * FROM "_prisma_migrations" ORDER BY id`);
    const again = await runMigrations({ databaseUrl, migrationsDir });
    expect(again.applied).toEqual([]);
    expect(await query(databaseUrl, `SELECT * FROM "_prisma_migrations" ORDER BY id`)).toEqual(
      before,
    );
  });

  it("is safe when several instances migrate at once (advisory lock)", async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => runMigrations({ databaseUrl, migrationsDir })),
    );
    const appliedTotal = results.reduce((n, r) => n + r.applied.length, 0);
    const rows = await query(databaseUrl, `SELECT * FROM "_prisma_migrations"`);
    expect(appliedTotal).toBe(rows.length);
  });

  it("records a failed migration and refuses to go on until a human resolves it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "we-migrations-"));
    await cp(migrationsDir, dir, { recursive: true });
    await mkdir(path.join(dir, "29990101000000_broken"));
    await writeFile(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      "CREATE TABLE ok_table (id int);\nSELECT * FROM no_such_table;",
    );
    await expect(runMigrations({ databaseUrl, migrationsDir: dir })).rejects.toThrow(
      /29990101000000_broken.*no_such_table/,
    );
    const [failed] = await query<{ finished_at: Date | null; logs: string }>(
      databaseUrl,
      `SELECT * FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`,
    );
    expect(failed?.finished_at).toBeNull();
    expect(failed?.logs).toMatch(/no_such_table/);
    // The whole file ran as one implicit transaction: nothing of it stayed.
    expect(await query(databaseUrl, `SELECT to_regclass('ok_table') AS t`)).toEqual([{ t: null }]);
    const next = runMigrations({ databaseUrl, migrationsDir: dir });
    await expect(next).rejects.toBeInstanceOf(MigrationError);
    await expect(runMigrations({ databaseUrl, migrationsDir: dir })).rejects.toThrow(/P3009/);
  });

  it("a server refuses to start on a database with a failed migration, with a clear message", async () => {
    await runMigrations({ databaseUrl, migrationsDir });
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ('00000000-0000-0000-0000-000000000001', repeat('0', 64), '29990101000000_half_done', now(), 0)`,
    );
    await client.end();
    await expect(startTestServer({ databaseUrl })).rejects.toThrow(
      /server exited with 1[\s\S]*29990101000000_half_done[\s\S]*P3009/,
    );
  });
});

describe("npm run db:migrate", () => {
  const root = path.resolve(import.meta.dirname, "..", "..");
  // What the script runs, without npm in between (its output and exit code are the script's).
  const migrate = (env: Record<string, string>) =>
    runNodeProcess({
      args: [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/migrate.ts"],
      cwd: root,
      env,
    });

  it("applies the migrations to DATABASE_URL, then finds nothing to do", async () => {
    const first = await migrate({ DATABASE_URL: databaseUrl });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const names = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(first.stdout).toContain(`${names.length} migrations applied now, 0 before`);
    const rows = await query<{ n: number }>(
      databaseUrl,
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    expect(rows).toEqual([{ n: names.length }]);
    const again = await migrate({ DATABASE_URL: databaseUrl });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`0 migrations applied now, ${names.length} before`);
  });

  it("says what is wrong, without a stack trace, when there is nothing it can migrate", async () => {
    const unset = await migrate({ DATABASE_URL: "" });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toMatch(/DATABASE_URL is not set/);
    const invalid = await migrate({ DATABASE_URL: "mysql://localhost/x" });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/DATABASE_URL: must be a postgres/);
    const closed = new URL(databaseUrl);
    closed.port = String(await findClosedPort());
    const unreachable = await migrate({ DATABASE_URL: closed.toString() });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^db:migrate: failed: .*ECONNREFUSED/);
    for (const result of [unset, invalid, unreachable])
      expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
