import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

// Issue 12, item 9: the expected HMAC of a delivery (what the owner's comparison shows) must not
// be stored: a database dump plus the ability to send would be a signing oracle.
const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
let server: TestServer;
const SECRET = "at-rest-secret-9";

beforeAll(async () => {
  server = await startTestServer({ databaseUrl });
});
afterAll(async () => {
  await server?.stop();
  await db.close();
});

async function createBinWithSecret() {
  const bin: { id: string; ownerToken: string } = await (
    await fetch(`${server.baseUrl}/api/bins`, { method: "POST" })
  ).json();
  const set = await fetch(`${server.baseUrl}/api/bins/${bin.id}/settings`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ webhookSecret: SECRET }),
  });
  expect(set.status).toBe(200);
  return bin;
}

async function send(binId: string, headers: Record<string, string>, body: string) {
  const response = await fetch(`${server.baseUrl}/echo/${binId}/hooks`, {
    method: "POST",
    headers,
    body,
  });
  expect(response.status).toBe(200);
  return (await response.json()).deliveryId as string;
}

const hmac = (body: string) => createHmac("sha256", SECRET).update(body).digest();

describe("expected signatures at rest", () => {
  it("stores no expected HMAC; the owner still sees expected vs received, a viewer does not", async () => {
    const bin = await createBinWithSecret();
    // Signed with the wrong secret: the expected value appears nowhere in what was sent.
    const callcovBody = '{"id":"a-1","object":"analysis","status":"completed"}';
    const callcov = await send(
      bin.id,
      { "X-CallCov-Signature": "00".repeat(32), "Content-Type": "application/json" },
      callcovBody,
    );
    const shopifyBody = '{"order":42}';
    const shopify = await send(
      bin.id,
      { "X-Shopify-Hmac-Sha256": Buffer.alloc(32).toString("base64") },
      shopifyBody,
    );
    const expectations = [
      { id: callcov, expected: hmac(callcovBody).toString("hex") },
      { id: shopify, expected: hmac(shopifyBody).toString("base64") },
    ];

    // Capture judged both rows (verdict cached), and a re-judge after reading the list too.
    await (await fetch(`${server.baseUrl}/api/bins/${bin.id}/deliveries`)).json();
    const { rows } = await db.query<{ id: string; row: string; signature: string }>(
      "SELECT id::text, d::text AS row, signature::text FROM deliveries d WHERE bin_id = $1",
      [bin.id],
    );
    expect(rows).toHaveLength(2);
    for (const { id, expected } of expectations) {
      const stored = rows.find((row) => row.id === id)!;
      expect(stored.signature).toMatch(/"status": "invalid"/);
      expect(stored.signature).not.toContain("ownerDetail");
      for (const form of [expected, expected.toUpperCase()]) {
        expect(stored.row).not.toContain(form);
      }
    }

    for (const { id, expected } of expectations) {
      const url = `${server.baseUrl}/api/bins/${bin.id}/deliveries/${id}`;
      const asOwner = await (
        await fetch(url, { headers: { Authorization: `Bearer ${bin.ownerToken}` } })
      ).json();
      expect(asOwner.signature.status).toBe("invalid");
      expect(asOwner.signature.ownerDetail.expected).toContain(expected);
      expect(asOwner.signature.ownerDetail.received).toBeTruthy();
      const asViewer = await (await fetch(url)).json();
      expect(asViewer.signature.status).toBe("invalid");
      expect(asViewer.signature).not.toHaveProperty("ownerDetail");
      expect(JSON.stringify(asViewer)).not.toContain(expected);
    }

    // Opening the delivery as the owner stored nothing new either.
    const after = await db.query<{ row: string }>(
      "SELECT d::text AS row FROM deliveries d WHERE bin_id = $1",
      [bin.id],
    );
    for (const { expected } of expectations) {
      expect(after.rows.map((r) => r.row).join("\n")).not.toContain(expected);
    }
  });

  it("rows stored by older versions: the migration strips ownerDetail, and reads never pass it on", async () => {
    const bin = await createBinWithSecret();
    const body = '{"legacy":true}';
    const id = await send(bin.id, { "X-CallCov-Signature": "11".repeat(32) }, body);
    const expected = hmac(body).toString("hex");
    // What an older version stored (the verdict with the expected HMAC), current secret version.
    const legacy = {
      scheme: "callcov",
      status: "invalid",
      reason: "Signature does not match",
      ownerDetail: { header: "X-CallCov-Signature", received: "11".repeat(32), expected },
    };
    await db.query("UPDATE deliveries SET signature = $2::jsonb WHERE id = $1", [
      id,
      JSON.stringify(legacy),
    ]);

    // Read: neither the list nor a viewer's detail passes the stored ownerDetail on.
    const list = await (await fetch(`${server.baseUrl}/api/bins/${bin.id}/deliveries`)).text();
    expect(list).not.toContain(expected);
    const detail = await (
      await fetch(`${server.baseUrl}/api/bins/${bin.id}/deliveries/${id}`)
    ).text();
    expect(detail).not.toContain(expected);

    // At rest: the migration removes it from every row.
    const migrations = path.resolve(import.meta.dirname, "..", "..", "prisma", "migrations");
    const sql = readFileSync(
      path.join(migrations, "20261201020000_strip_expected_signatures", "migration.sql"),
      "utf8",
    );
    await db.query(sql);
    const { rows } = await db.query<{ signature: string }>(
      "SELECT signature::text FROM deliveries WHERE id = $1",
      [id],
    );
    expect(rows[0]!.signature).not.toContain(expected);
    expect(JSON.parse(rows[0]!.signature)).toEqual({
      scheme: "callcov",
      status: "invalid",
      reason: "Signature does not match",
    });
  });
});
