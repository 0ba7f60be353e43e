import { readdir } from "node:fs/promises";
import path from "node:path";
import { getDb } from "@/lib/db";
import type { Readiness } from "@/lib/database/check-readiness.types";

/** For load balancers: the database answers and every migration in the repo is applied. */
export async function checkReadiness(): Promise<Readiness> {
  try {
    const rows = await getDb().$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((row) => row.migration_name));
    const dir = path.join(process.cwd(), "prisma", "migrations");
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const pendingMigrations = names.filter((name) => !applied.has(name));
    return { ready: pendingMigrations.length === 0, database: "ok", pendingMigrations };
  } catch {
    return { ready: false, database: "unreachable", pendingMigrations: [] };
  }
}
