import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startDatabaseProxy } from "@/test/support/start-database-proxy";
import type { TcpProxy } from "@/test/support/start-tcp-proxy";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);

describe("database outage", () => {
  it("a server started against a closed port answers 503 with Retry-After, quickly, and stays up", async () => {
    const server = await startTestServer({ databaseUrl: "postgresql://postgres@127.0.0.1:1/none" });
    try {
      const started = Date.now();
      const response = await fetch(`${server.baseUrl}/echo/down-bin`, {
        method: "POST",
        body: "x",
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await fetch(`${server.baseUrl}/api/bins/down-bin`)).status).toBe(503);
      expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);
      const ready = await fetch(`${server.baseUrl}/api/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, database: "unreachable" });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  describe("through a proxy that goes down and comes back", () => {
    let proxy: TcpProxy;
    let server: TestServer;
    beforeAll(async () => {
      const database = await startDatabaseProxy(databaseUrl);
      proxy = database.proxy;
      server = await startTestServer({ databaseUrl: database.viaProxy });
    });
    afterAll(async () => {
      await server?.stop();
      await proxy?.close();
      await db.close();
    });

    it("answers 503 while the database is away, never 2xx without a row, and recovers without a restart", async () => {
      const ok = await fetch(`${server.baseUrl}/echo/outage-bin`, {
        method: "POST",
        body: "before",
      });
      expect(ok.status).toBe(200);

      await proxy.down();
      const during = await fetch(`${server.baseUrl}/echo/outage-bin`, {
        method: "POST",
        body: "during",
      });
      expect(during.status).toBe(503);
      expect(during.headers.get("retry-after")).toBeTruthy();

      await proxy.up();
      let after: Response | null = null;
      for (let i = 0; i < 20; i++) {
        after = await fetch(`${server.baseUrl}/echo/outage-bin`, { method: "POST", body: "after" });
        if (after.status === 200) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(after?.status).toBe(200);
      const { rows } = await db.query<{ body: Buffer }>(
        "SELECT body FROM deliveries WHERE bin_id = 'outage-bin' ORDER BY id",
      );
      expect(rows.map((r) => r.body.toString())).toEqual(["before", "after"]);
    });
  });
});
