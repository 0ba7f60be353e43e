import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startTestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

// A server's stdout and stderr are often pipes to the process that started it (a supervisor,
// a shell pipeline, this test runner). When that parent dies, every later log line fails with
// EPIPE: the server must drop those lines and go on serving, not spin on them (server.ts).
const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
afterAll(() => db.close());

// Names the server's database connections, so the test cuts only those.
const APPLICATION_NAME = "closed-log-pipes-test";

/** CPU time the process has used so far (user + system), in clock ticks: /proc/<pid>/stat. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The fields after the command name (which may hold spaces), from field 3 (state) on:
  // utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

describe("closed log pipes", () => {
  it("a server whose stdout and stderr were closed keeps serving, does not spin, and stops on SIGTERM", async () => {
    const url = new URL(databaseUrl);
    url.searchParams.set("application_name", APPLICATION_NAME);
    const server = await startTestServer({ databaseUrl: url.toString() });
    const pid = server.process.pid!;
    try {
      // Leaves idle connections in its pool.
      const first = await fetch(`${server.baseUrl}/echo/closed-pipes-bin`, {
        method: "POST",
        body: "before",
      });
      expect(first.status).toBe(200);

      // The parent goes away: nobody reads its output any more.
      server.process.stdout?.destroy();
      server.process.stderr?.destroy();
      // Its idle database connections cut: the pool logs a warning for each (stderr).
      const cut = await db.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
        [APPLICATION_NAME],
      );
      expect(cut.rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));

      // Spinning on the failed writes takes a whole core (~100 ticks a second); an idle server
      // takes next to none. A bound against a spin, not on speed.
      const before = cpuTicks(pid);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(cpuTicks(pid) - before).toBeLessThan(50);

      const health = await fetch(`${server.baseUrl}/api/health`, {
        signal: AbortSignal.timeout(5000),
      });
      expect(health.status).toBe(200);
      const after = await fetch(`${server.baseUrl}/echo/closed-pipes-bin`, {
        method: "POST",
        body: "after",
        signal: AbortSignal.timeout(5000),
      });
      expect(after.status).toBe(200);
      // Shutting down logs on stdout, also closed.
      expect(await server.stop()).toBe(0);
    } finally {
      if (server.process.exitCode === null && server.process.signalCode === null) {
        server.process.kill("SIGKILL");
      }
    }
  });
});
