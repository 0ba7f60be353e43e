import pg from "pg";
import { afterAll, inject } from "vitest";
import { setDatabaseUrl } from "@/lib/database-url";
import { getDb } from "@/lib/db";
import { createTestDb } from "@/test/support/test-db";

async function runAsAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A database of its own for a suite that changes partitions or the table layout (the shared
 * test database must not see a sweep run with a clock days ahead), empty (no migrations), made
 * this process's database (`getDb()`), and dropped after the suite.
 */
export async function setupScratchDatabase({ prefix }: { prefix: string }) {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await runAsAdmin(`CREATE DATABASE "${name}"`);
  const url = new URL(inject("adminDatabaseUrl"));
  url.pathname = `/${name}`;
  setDatabaseUrl(url.toString());
  const db = createTestDb(url.toString());
  afterAll(async () => {
    await db.close();
    await getDb().$disconnect();
    await runAsAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  return { url: url.toString(), db };
}
