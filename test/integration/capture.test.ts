import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { sendRawHttp } from "@/test/support/send-raw-http";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl, env: { MAX_BODY_BYTES: String(64 * 1024) } });
});
afterAll(async () => {
  await server?.stop();
  await db.close();
});
beforeEach(() => db.reset());

function rawRequest(
  method: string,
  target: string,
  headers: Array<[string, string]>,
  body = Buffer.alloc(0),
) {
  const head = [
    `${method} ${target} HTTP/1.1`,
    "Host: localhost",
    ...headers.map(([n, v]) => `${n}: ${v}`),
    `Content-Length: ${body.length}`,
    "Connection: close",
    "",
    "",
  ].join("\r\n");
  return sendRawHttp({
    port: server.port,
    data: Buffer.concat([Buffer.from(head, "latin1"), body]),
  });
}

async function storedRow(id: string) {
  const { rows } = await db.query<{
    bin_id: string;
    method: string;
    path: string;
    query: string;
    headers: Array<[string, string]>;
    body: Buffer;
    body_size: number;
    body_sha256: string;
    content_type: string | null;
  }>("SELECT * FROM deliveries WHERE id = $1", [id]);
  return rows[0];
}

describe("capture: ANY /echo/<id>", () => {
  it("answers a bin it never read with the bin's own settings, even on the first delivery", async () => {
    // Written behind the server's back, so no instance has it cached or heard of a change:
    // capture plans it with the defaults, the insert leaves that row out, and it is planned again.
    await db.query(
      `INSERT INTO bins (id, settings) VALUES ('unread-settings', '{"response": {"status": 418, "body": "teapot"}}')`,
    );
    const res = await fetch(`${server.baseUrl}/echo/unread-settings`, {
      method: "POST",
      body: "x",
    });
    expect(res.status).toBe(418);
    expect(await res.text()).toBe("teapot");
    const { rows } = await db.query<{ response_status: number }>(
      "SELECT response_status FROM deliveries WHERE bin_id = 'unread-settings'",
    );
    expect(rows).toEqual([{ response_status: 418 }]);
  });

  it.each(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PURGE", "PROPFIND", "QUERY"])(
    "captures %s and answers 200 after the row is committed",
    async (method) => {
      const response = await rawRequest(
        method,
        "/echo/methods-bin/hook?x=1",
        [["Content-Type", "text/plain"]],
        Buffer.from("hello"),
      );
      expect(response?.status).toBe(200);
      const body = JSON.parse(response!.body.toString());
      expect(body).toEqual({ received: true, deliveryId: expect.any(String) });
      expect(response!.headers["x-delivery-id"]).toBe(body.deliveryId);
      expect(response!.headers["access-control-allow-origin"]).toBe("*");
      const row = await storedRow(body.deliveryId);
      expect(row).toMatchObject({ bin_id: "methods-bin", method, path: "/hook", query: "x=1" });
      expect(row!.body.toString()).toBe("hello");
    },
  );

  it("answers a method token Node's HTTP parser does not know with a clean 400 and no row", async () => {
    const response = await rawRequest("X-CUSTOM", "/echo/odd-method", []);
    expect(response?.status).toBe(400);
    const { rows } = await db.query("SELECT count(*)::int AS n FROM deliveries");
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("answers HEAD with no body and still stores it", async () => {
    const response = await rawRequest("HEAD", "/echo/head-bin", []);
    expect(response?.status).toBe(200);
    expect(response!.body.length).toBe(0);
    const { rows } = await db.query("SELECT method FROM deliveries WHERE bin_id = 'head-bin'");
    expect(rows).toEqual([{ method: "HEAD" }]);
  });

  it("answers OPTIONS with permissive CORS headers", async () => {
    const response = await rawRequest("OPTIONS", "/echo/cors-bin", [
      ["Access-Control-Request-Method", "POST"],
      ["Access-Control-Request-Headers", "x-callcov-signature, content-type"],
    ]);
    expect(response?.status).toBe(200);
    expect(response!.headers["access-control-allow-methods"]).toContain("POST");
    expect(response!.headers["access-control-allow-headers"]).toBe(
      "x-callcov-signature, content-type",
    );
  });

  it("keeps the subpath and the raw query exactly as sent", async () => {
    const response = await rawRequest(
      "POST",
      "/echo/paths/a/b%2Fc/%E2%9C%93?z=%ZZ&a=1&a=2&&flag",
      [],
    );
    const row = await storedRow(JSON.parse(response!.body.toString()).deliveryId);
    expect(row).toMatchObject({ path: "/a/b%2Fc/%E2%9C%93", query: "z=%ZZ&a=1&a=2&&flag" });
  });

  it("stores headers in order, with original case and duplicates", async () => {
    const response = await rawRequest(
      "POST",
      "/echo/headers-bin",
      [
        ["X-Dup", "one"],
        ["content-TYPE", "application/json"],
        ["x-dup", "two"],
        ["X-CallCov-Signature", "abc"],
        ["X-Dup", "three"],
      ],
      Buffer.from("{}"),
    );
    const row = await storedRow(JSON.parse(response!.body.toString()).deliveryId);
    const names = row!.headers.map(([name]) => name);
    expect(names.slice(0, 6)).toEqual([
      "Host",
      "X-Dup",
      "content-TYPE",
      "x-dup",
      "X-CallCov-Signature",
      "X-Dup",
    ]);
    expect(row!.headers.filter(([n]) => n.toLowerCase() === "x-dup").map(([, v]) => v)).toEqual([
      "one",
      "two",
      "three",
    ]);
    expect(row!.content_type).toBe("application/json");
  });

  it.each([
    ["binary", Buffer.from(Array.from({ length: 256 }, (_, i) => i))],
    ["invalid UTF-8", Buffer.from([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d])],
    ["gzip", gzipSync(Buffer.from('{"hello":"world"}'))],
    ["empty", Buffer.alloc(0)],
  ])("stores a %s body byte-exact", async (_label, bytes) => {
    const response = await rawRequest(
      "POST",
      "/echo/bytes-bin",
      [
        ["Content-Type", "application/octet-stream"],
        ["Content-Encoding", "gzip"],
      ],
      bytes,
    );
    expect(response?.status).toBe(200);
    const id = JSON.parse(response!.body.toString()).deliveryId;
    const row = await storedRow(id);
    expect(Buffer.compare(row!.body, bytes)).toBe(0);
    expect(row!.body_size).toBe(bytes.length);
    expect(row!.body_sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const raw = await fetch(`${server.baseUrl}/api/bins/bytes-bin/deliveries/${id}/raw`);
    expect(raw.headers.get("content-type")).toBe("application/octet-stream");
    expect(raw.headers.get("x-content-type-options")).toBe("nosniff");
    expect(raw.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(Buffer.compare(Buffer.from(await raw.arrayBuffer()), bytes)).toBe(0);
  });

  it.each([
    "/echo/",
    "/echo/bad.id",
    "/echo/" + "a".repeat(65),
    "/echo/sp%20ace",
    "/echo/%E2%9C%93",
  ])("answers 400 JSON for the invalid id in %s and stores nothing", async (target) => {
    const response = await rawRequest("POST", target, [], Buffer.from("x"));
    expect(response?.status).toBe(400);
    expect(JSON.parse(response!.body.toString())).toMatchObject({ error: "invalid_bin_id" });
    const { rows } = await db.query("SELECT count(*)::int AS n FROM deliveries");
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("accepts a 64-character id", async () => {
    const response = await rawRequest("POST", `/echo/${"a".repeat(64)}`, []);
    expect(response?.status).toBe(200);
  });

  it("refuses a body over the limit with 413 and stores no row (declared length)", async () => {
    const response = await rawRequest("POST", "/echo/big-bin", [], Buffer.alloc(64 * 1024 + 1, 1));
    expect(response?.status).toBe(413);
    expect(JSON.parse(response!.body.toString()).message).toContain(String(64 * 1024));
    const { rows } = await db.query("SELECT count(*)::int AS n FROM deliveries");
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("refuses a chunked body over the limit while streaming, without a row", async () => {
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const head =
      "POST /echo/chunked-bin HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    const parts = [Buffer.from(head)];
    for (let i = 0; i < 8; i++)
      parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n"));
    parts.push(Buffer.from("0\r\n\r\n"));
    const response = await sendRawHttp({ port: server.port, data: Buffer.concat(parts) });
    expect(response?.status).toBe(413);
    const { rows } = await db.query("SELECT count(*)::int AS n FROM deliveries");
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("creates the bin on its first delivery and reports it through the API", async () => {
    await rawRequest("POST", "/echo/fresh-bin", []);
    const response = await fetch(`${server.baseUrl}/api/bins/fresh-bin`);
    expect(response.status).toBe(200);
    const bin = await response.json();
    expect(bin).toMatchObject({ id: "fresh-bin", deliveryCount: 1, hasOwner: false });
    expect(bin.echoUrl).toBe(`${server.baseUrl}/echo/fresh-bin`);
    expect(JSON.stringify(bin)).not.toMatch(/owner_?token/i);
  });

  it("stores exactly N rows for N concurrent deliveries, each answer pointing at its own body", async () => {
    const count = 200;
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        fetch(`${server.baseUrl}/echo/burst-${i % 7}`, {
          method: "POST",
          body: `payload-${i}`,
        }).then(async (r) => ({ i, status: r.status, body: await r.json() })),
      ),
    );
    expect(answers.filter((a) => a.status !== 200).map((a) => [a.status, a.body])).toEqual([]);
    const { rows } = await db.query<{ id: string; body: Buffer }>(
      "SELECT id, body FROM deliveries",
    );
    expect(rows).toHaveLength(count);
    const byId = new Map(rows.map((row) => [row.id, row.body.toString()]));
    for (const answer of answers)
      expect(byId.get(answer.body.deliveryId)).toBe(`payload-${answer.i}`);
  });
});
