import { afterAll, describe, expect, inject, it } from "vitest";
import { startTestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

// Next loads after the server listens (server.ts): captures need none of it, so a restart
// drops as few deliveries as possible, while pages and the API wait for it instead of failing.
const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
afterAll(() => db.close());

describe("start-up", () => {
  it("captures as soon as it listens; pages and the API sent meanwhile wait for Next", async () => {
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
      const output = server.output();
      expect(output.indexOf("pages and API ready")).toBeGreaterThan(output.indexOf("listening on"));
    } finally {
      await server.stop();
    }
  });

  it("stops cleanly when told to while Next is still loading", async () => {
    const server = await startTestServer({ databaseUrl });
    expect(await server.stop()).toBe(0);
    // The first sweep may still be running: cut short by shutdown, it is no failure.
    expect(server.output()).not.toContain("retention sweep failed");
    expect(server.output()).not.toContain("fatal");
  });
});
