import pg from "pg";

/** Direct reads for assertions: tests check the rows that were really stored. */
export function createTestDb(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  // An idle connection dies when a test restarts PostgreSQL; the next query reconnects.
  pool.on("error", () => {});
  return {
    pool,
    query: <T extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
      pool.query<T>(text, values),
    async reset() {
      await pool.query("TRUNCATE deliveries, bins, rate_limit_counters CASCADE");
    },
    close: () => pool.end(),
  };
}
