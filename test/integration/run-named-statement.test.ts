import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { runNamedStatement } from "@/lib/database/run-named-statement";

// Capture's statements go to pg as Submittables (no config copy per statement): they must
// still be prepared once under their names, give rows back, fail with PostgreSQL's error, and
// hand their connection back to the pool whichever way they end.
const databaseUrl = inject("databaseUrl");
// One connection, failing fast: a client the pool never got back shows as a timeout.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 2000 });
afterAll(() => pool.end());

const ECHO = { name: "test_named_echo", text: "SELECT $1::int + 1 AS n, $2::text AS label" };
const UUID = { name: "test_named_uuid", text: "SELECT $1::uuid AS id" };

describe("runNamedStatement", () => {
  it("binds the values and resolves with the rows", async () => {
    const { rows, rowCount } = await runNamedStatement<{ n: number; label: string }>({
      pool,
      statement: ECHO,
      values: [41, "answer"],
    });
    expect(rowCount).toBe(1);
    expect(rows).toEqual([{ n: 42, label: "answer" }]);
  });

  it("prepares the statement under its name, once per connection", async () => {
    for (const n of [1, 2, 3]) {
      const { rows } = await runNamedStatement<{ n: number }>({
        pool,
        statement: ECHO,
        values: [n, "again"],
      });
      expect(rows[0]!.n).toBe(n + 1);
    }
    // The pool has one connection: this reads the session the statements ran in.
    const { rows } = await pool.query<{ name: string; statement: string }>(
      "SELECT name, statement FROM pg_prepared_statements WHERE name = $1",
      [ECHO.name],
    );
    expect(rows).toEqual([{ name: ECHO.name, statement: ECHO.text }]);
  });

  it("rejects with PostgreSQL's error and gives the connection back", async () => {
    const failed = runNamedStatement({ pool, statement: UUID, values: ["not-a-uuid"] });
    await expect(failed).rejects.toMatchObject({ code: "22P02" });
    // With the only connection leaked, this would wait out connectionTimeoutMillis and fail.
    const { rows } = await runNamedStatement<{ id: string }>({
      pool,
      statement: UUID,
      values: ["0190d9c8-0000-7000-8000-000000000000"],
    });
    expect(rows[0]!.id).toBe("0190d9c8-0000-7000-8000-000000000000");
    expect(pool.totalCount).toBe(1);
    expect(pool.idleCount).toBe(1);
  });

  it("queues more statements than connections and runs them all", async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        runNamedStatement<{ n: number }>({ pool, statement: ECHO, values: [i, `q${i}`] }),
      ),
    );
    expect(results.map(({ rows }) => rows[0]!.n)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(pool.waitingCount).toBe(0);
    expect(pool.idleCount).toBe(1);
  });
});
