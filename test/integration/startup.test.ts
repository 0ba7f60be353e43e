import { createServer } from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startTestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

// Right after start the first captures meet the first sweep and fresh database connections;
// the shutdown right after start meets that sweep still running (server.ts, start-sweeper.ts).
const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
afterAll(() => db.close());

describe("start-up", () => {
  it("answers captures, pages and the API as soon as it listens", async () => {
    const server = await startTestServer({ databaseUrl });
    try {
      const [capture, page, health] = await Promise.all([
        fetch(`${server.baseUrl}/echo/startup-bin/early`, { method: "POST", body: "early" }),
        fetch(`${server.baseUrl}/`),
        fetch(`${server.baseUrl}/api/health`),
      ]);
      expect(capture.status).toBe(200);
      const { deliveryId } = (await capture.json()) as { deliveryId: string };
      const rows = await db.query<{ body: Buffer }>("SELECT body FROM deliveries WHERE id = $1", [
        deliveryId,
      ]);
      expect(rows.rows[0]!.body.toString()).toBe("early");
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("</html>");
      expect(health.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it("stops cleanly when told to at once, its first sweep still running", async () => {
    const server = await startTestServer({ databaseUrl });
    expect(await server.stop()).toBe(0);
    // The first sweep may still be running: cut short by shutdown, it is no failure.
    expect(server.output()).not.toContain("retention sweep failed");
    expect(server.output()).not.toContain("fatal");
  });

  it("exits 1 with a clear message when its port is taken (not 0, as if all were well)", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    try {
      await expect(startTestServer({ databaseUrl, env: { PORT: String(port) } })).rejects.toThrow(
        new RegExp(
          `server exited with 1:[\\s\\S]*fatal: cannot listen on 127\\.0\\.0\\.1:${port}: the address is in use`,
        ),
      );
    } finally {
      taken.close();
    }
  });
});
