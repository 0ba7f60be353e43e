import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { runMigrations } from "@/lib/database/run-migrations";
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from "@/lib/database/start-embedded-postgres";
// @ts-expect-error plain ESM helper shared with scripts/start.mjs
import { needsBuild, runBuild } from "../../scripts/needs-build.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "..", "..");

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One fresh database per run, migrated through the real runner, on TEST_DATABASE_URL /
 * DATABASE_URL when set, else on an embedded PostgreSQL. Also makes sure the production build
 * exists, since the suites drive the real server.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgresHandle | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", "test") });
    serverUrl = embedded.url;
  }
  const adminUrl = withDatabase(serverUrl, "postgres");
  const database = `webhook_echo_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const databaseUrl = withDatabase(serverUrl, database);
  await runMigrations({ databaseUrl, migrationsDir: path.join(root, "prisma", "migrations") });
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminDatabaseUrl", adminUrl);

  if (needsBuild(root) && runBuild(root) !== 0) throw new Error("next build failed");

  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await cleanup.end();
    await embedded?.stop();
  };
}
