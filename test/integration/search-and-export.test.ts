import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
let server: TestServer;
let bin: { id: string; ownerToken: string };
const ids: Record<string, string> = {};

async function send(
  name: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Uint8Array<ArrayBuffer>,
) {
  const response = await fetch(`${server.baseUrl}/echo/${bin.id}${path}`, {
    method,
    headers,
    body,
  });
  ids[name] = (await response.json()).deliveryId;
}

beforeAll(async () => {
  server = await startTestServer({ databaseUrl });
  bin = await (await fetch(`${server.baseUrl}/api/bins`, { method: "POST" })).json();
  const signed = '{"event":"signed"}';
  await send(
    "signed",
    "POST",
    "/webhooks/analysis?source=callcov",
    {
      "X-CallCov-Signature": createHmac("sha256", "s3cret").update(signed).digest("hex"),
      "Content-Type": "application/json",
    },
    signed,
  );
  await send(
    "forged",
    "POST",
    "/webhooks/analysis",
    { "X-CallCov-Signature": "00".repeat(32) },
    '{"event":"forged"}',
  );
  await send("put", "PUT", "/items/42", { "X-Trace-Id": "trace-ABC" }, "plain text with needle");
  await send(
    "binary",
    "POST",
    "/upload",
    { "Content-Type": "application/octet-stream" },
    new Uint8Array([0, 1, 2, 0xff]),
  );
  await send("get", "GET", "/health?probe=1", {});
  await fetch(`${server.baseUrl}/api/bins/${bin.id}/settings`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ webhookSecret: "s3cret" }),
  });
});
afterAll(async () => {
  await server?.stop();
  await db.close();
});

async function search(query: string): Promise<string[]> {
  const response = await fetch(`${server.baseUrl}/api/bins/${bin.id}/deliveries?${query}`);
  expect(response.status, query).toBe(200);
  return (await response.json()).deliveries.map((d: { id: string }) => d.id);
}

describe("search and filter", () => {
  it.each([
    ["method=put", ["put"]],
    ["method=POST", ["binary", "forged", "signed"]],
    ["path=WEBHOOKS", ["forged", "signed"]],
    ["path=source%3Dcallcov", ["signed"]],
    ["header=x-trace-id%3A%20trace-abc", ["put"]],
    ["header=application%2Fjson", ["signed"]],
    ["body=needle", ["put"]],
    ["body=%22event%22", ["forged", "signed"]],
    ["signature=valid", ["signed"]],
    ["signature=invalid", ["forged"]],
    ["signature=missing", ["get", "binary", "put"]],
    ["method=POST&path=webhooks&signature=invalid", ["forged"]],
    ["path=100%25", []],
  ])("%s", async (query, expected) => {
    expect(await search(query)).toEqual(expected.map((name) => ids[name]));
  });

  it("pages a filtered list with the cursor", async () => {
    const first = await (
      await fetch(`${server.baseUrl}/api/bins/${bin.id}/deliveries?method=POST&limit=2`)
    ).json();
    expect(first.deliveries).toHaveLength(2);
    const second = await (
      await fetch(
        `${server.baseUrl}/api/bins/${bin.id}/deliveries?method=POST&limit=2&before=${first.nextCursor}`,
      )
    ).json();
    expect(second.deliveries.map((d: { id: string }) => d.id)).toEqual([ids.signed]);
    expect(second.nextCursor).toBeNull();
  });

  it("rejects bad filters with 400", async () => {
    for (const query of ["signature=maybe", "method=%3Cscript%3E"]) {
      expect((await fetch(`${server.baseUrl}/api/bins/${bin.id}/deliveries?${query}`)).status).toBe(
        400,
      );
    }
  });
});

describe("export", () => {
  it("exports JSON lines, byte-exact, named after the bin and time", async () => {
    const response = await fetch(`${server.baseUrl}/api/bins/${bin.id}/export?format=jsonl`);
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`attachment; filename="webhook-echo-${bin.id}-\\d{8}-\\d{6}\\.jsonl"`),
    );
    const lines = (await response.text())
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    const binary = lines.find((line) => line.id === ids.binary);
    expect(Buffer.from(binary.bodyBase64, "base64")).toEqual(Buffer.from([0, 1, 2, 0xff]));
    expect(binary.bodyText).toBeNull();
  });

  it("exports a filtered selection as valid HAR 1.2", async () => {
    const response = await fetch(
      `${server.baseUrl}/api/bins/${bin.id}/export?format=har&path=webhooks`,
    );
    expect(response.headers.get("content-disposition")).toMatch(/\.har"$/);
    const har = JSON.parse(await response.text());
    expect(har.log.version).toBe("1.2");
    expect(har.log.creator).toMatchObject({
      name: expect.any(String),
      version: expect.any(String),
    });
    expect(har.log.entries).toHaveLength(2);
    for (const entry of har.log.entries) {
      expect(entry).toMatchObject({
        startedDateTime: expect.any(String),
        time: expect.any(Number),
        request: {
          method: "POST",
          url: expect.stringContaining(`/echo/${bin.id}/webhooks/analysis`),
          httpVersion: expect.any(String),
          cookies: expect.any(Array),
          headers: expect.any(Array),
          queryString: expect.any(Array),
          headersSize: -1,
          bodySize: expect.any(Number),
        },
        response: {
          status: 200,
          content: { size: expect.any(Number), mimeType: expect.any(String) },
        },
        cache: {},
        timings: {
          send: expect.any(Number),
          wait: expect.any(Number),
          receive: expect.any(Number),
        },
      });
    }
    expect(har.log.entries[1].request.postData.text).toBe('{"event":"signed"}');
    expect(har.log.entries[1].request.queryString).toEqual([{ name: "source", value: "callcov" }]);
  });

  it("exports an empty bin as an empty HAR", async () => {
    const har = await (
      await fetch(`${server.baseUrl}/api/bins/nothing-here/export?format=har`)
    ).json();
    expect(har.log.entries).toEqual([]);
  });
});
