import pg from "pg";
import { getDatabaseUrl } from "@/lib/database-url";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

/**
 * The process's one node-postgres pool (DATABASE_POOL_SIZE connections). Prisma's driver
 * adapter runs on it (lib/db.ts), and so does the capture path directly
 * (lib/database/capture-statements.ts): one pool, one connection budget, and a process that
 * only captures never loads Prisma.
 */
export function getPgPool(): pg.Pool {
  return getSingleton("pgPool", () => {
    const pool = new pg.Pool({
      connectionString: getDatabaseUrl(),
      max: getEnv().DATABASE_POOL_SIZE,
      // Fail fast while the database is down so capture answers 503 instead of hanging.
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection that breaks (database restart) must not crash the process: the pool
    // drops it and the next query opens another.
    pool.on("error", (error) =>
      log("warn", "idle database connection lost", { error: error.message }),
    );
    return pool;
  });
}
