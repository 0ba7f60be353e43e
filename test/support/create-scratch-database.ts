import pg from "pg";

/**
 * A database of its own for a suite that changes its partitions or its layout (the shared test
 * database must not see a sweep run with a clock days ahead). Drop it in afterAll.
 */
export async function createScratchDatabase({
  adminUrl,
  prefix,
}: {
  adminUrl: string;
  prefix: string;
}): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const run = async (sql: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
