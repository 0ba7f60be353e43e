import { createHash, randomBytes } from "node:crypto";
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
const BYTES = {
  name: "test_named_bytes",
  text: "SELECT md5($1::bytea) AS digest, length($1::bytea) AS size, $2::text AS label, $3::text[] AS list, $4::text AS nothing, $5::bytea AS small",
};
const BYTES_UUID = { name: "test_named_bytes_uuid", text: "SELECT length($1::bytea), $2::uuid" };

/** Every chunk pg writes to the pool's connection, from now on. */
async function recordWrites(): Promise<{ chunks: Buffer[]; stop: () => void }> {
  const client = (await pool.connect()) as pg.PoolClient & {
    connection: { stream: { write: (chunk: Buffer, ...rest: unknown[]) => boolean } };
  };
  const stream = client.connection.stream;
  const chunks: Buffer[] = [];
  const write = stream.write;
  stream.write = function (chunk, ...rest) {
    chunks.push(chunk);
    return write.call(this, chunk, ...rest);
  };
  client.release();
  return { chunks, stop: () => void (stream.write = write) };
}

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

  it("sends a large byte value as it is, not copied into the Bind message, and binds the rest as pg does", async () => {
    const body = randomBytes(3 * 1024 * 1024);
    const writes = await recordWrites();
    try {
      const { rows } = await runNamedStatement<Record<string, unknown>>({
        pool,
        statement: BYTES,
        values: [body, "prénom 🦊", ["a", 'b"c', null], null, Buffer.from([0, 255])],
      });
      expect(rows).toEqual([
        {
          digest: createHash("md5").update(body).digest("hex"),
          size: body.length,
          label: "prénom 🦊",
          list: ["a", 'b"c', null],
          nothing: null,
          small: Buffer.from([0, 255]),
        },
      ]);
      // The body object itself went to the socket: pg's serializer would have copied it.
      expect(writes.chunks.some((chunk) => chunk === body)).toBe(true);
    } finally {
      writes.stop();
    }
    // Prepared once under its name, as any named statement.
    const again = await runNamedStatement<{ size: number }>({
      pool,
      statement: BYTES,
      values: [body.subarray(0, 100_000), "x", [], null, null],
    });
    expect(again.rows[0]!.size).toBe(100_000);
    expect(pool.idleCount).toBe(1);
  });

  it("with a large byte value, still rejects with PostgreSQL's error and gives the connection back", async () => {
    const body = randomBytes(200_000);
    const failed = runNamedStatement({ pool, statement: BYTES_UUID, values: [body, "nope"] });
    await expect(failed).rejects.toMatchObject({ code: "22P02" });
    const { rows } = await runNamedStatement<{ length: number }>({
      pool,
      statement: BYTES_UUID,
      values: [body, "0190d9c8-0000-7000-8000-000000000000"],
    });
    expect(rows[0]!.length).toBe(200_000);
    expect(pool.totalCount).toBe(1);
    expect(pool.idleCount).toBe(1);
  });
});
