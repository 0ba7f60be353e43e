import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startDatabaseProxy } from "@/test/support/start-database-proxy";
import type { TcpProxy } from "@/test/support/start-tcp-proxy";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);

// A fault that is not the database: the server's secret key file (DATA_DIR, no
// SECRET_ENCRYPTION_KEY) cannot be read, so loading a bin's secret throws EISDIR. A sender must
// then get a 500 (a bug, do not retry forever), not the 503 + Retry-After of an outage.
describe("capture failures that are not database outages", () => {
  let proxy: TcpProxy;
  let server: TestServer;
  let dataDir: string;
  const brokenBin = "broken-key-bin";

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "we-capture-failure-"));
    mkdirSync(path.join(dataDir, "secret-encryption-key"));
    await db.query("DELETE FROM bins WHERE id = ANY($1)", [
      [brokenBin, "healthy-bin", "judged-bin"],
    ]);
    await db.query(
      "INSERT INTO bins (id, webhook_secret_encrypted, secret_version) VALUES ($1, 'v1.AAAA.AAAA.AAAA', 'v-broken')",
      [brokenBin],
    );
    const database = await startDatabaseProxy(databaseUrl);
    proxy = database.proxy;
    const env: Record<string, string> = { DATA_DIR: dataDir };
    server = await startTestServer({ databaseUrl: database.viaProxy, env });
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const capture = (binId: string, body: string) =>
    fetch(`${server.baseUrl}/echo/${binId}`, { method: "POST", body });

  /** A bug's answer: 500 with a JSON error, and no Retry-After (senders must not retry forever). */
  async function expectInternalError(response: Response) {
    expect(response.status).toBe(500);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: "internal" });
  }

  it("answers 500 with a JSON error and no Retry-After, logs the cause at error, stores nothing", async () => {
    await expectInternalError(await capture(brokenBin, "payload"));
    expect(server.output()).toMatch(/error: capture failed .*EISDIR/);
    const { rows } = await db.query("SELECT id FROM deliveries WHERE bin_id = $1", [brokenBin]);
    expect(rows).toHaveLength(0);

    // The server itself is fine: a bin without a secret is captured.
    expect((await capture("healthy-bin", "x")).status).toBe(200);
  });

  it("the JSON API answers the same fault with a 500 logged at error, not a 503", async () => {
    expect((await capture("judged-bin", "x")).status).toBe(200);
    // A secret set behind the server's back: the list re-judges the delivery with the key.
    await db.query(
      "UPDATE bins SET webhook_secret_encrypted = 'v1.AAAA.AAAA.AAAA', secret_version = 'v-new' WHERE id = 'judged-bin'",
    );
    await expectInternalError(await fetch(`${server.baseUrl}/api/bins/judged-bin/deliveries`));
    expect(server.output()).toMatch(/error: unhandled error in route .*EISDIR/);
  });

  it("a real outage (the database connection cut) still answers 503 with Retry-After", async () => {
    await proxy.down();
    try {
      const response = await capture("healthy-bin", "during the outage");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await response.json()).toMatchObject({ error: "unavailable" });
    } finally {
      await proxy.up();
    }
  });
});
