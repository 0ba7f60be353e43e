import { createHash } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { deliveryDiffSchema, type DeliveryDiff } from "@/lib/deliveries/diff-deliveries.types";
import { sendRawHttp } from "@/test/support/send-raw-http";
import { setupTestServer } from "@/test/support/setup-test-server";

const MAX_DIFF_BODY = 512 * 1024;
const ctx = setupTestServer({
  env: { DIFF_MAX_BODY_BYTES: String(MAX_DIFF_BODY), DIFF_CONCURRENCY_PER_IP: "1" },
});

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

async function send(
  binId: string,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(`${ctx.server.baseUrl}/echo/${binId}`, {
    method: "POST",
    headers,
    body,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveryId: string }).deliveryId;
}

/** Exact header lines (case, repeats) through a raw socket. */
async function sendRaw(binId: string, headerLines: string[], body = ""): Promise<string> {
  const response = await sendRawHttp({
    port: Number(new URL(ctx.server.baseUrl).port),
    data: [
      `POST /echo/${binId} HTTP/1.1`,
      "Host: 127.0.0.1",
      ...headerLines,
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      "",
      body,
    ].join("\r\n"),
  });
  expect(response?.status).toBe(200);
  return (JSON.parse(response!.body.toString()) as { deliveryId: string }).deliveryId;
}

const diffUrl = (binId: string, a: string, query: string) =>
  `${ctx.server.baseUrl}/api/bins/${binId}/deliveries/${a}/diff${query}`;

async function diff(binId: string, a: string, b: string): Promise<DeliveryDiff> {
  const response = await fetch(diffUrl(binId, a, `?against=${b}`));
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  // The answer is exactly the documented shape (the OpenAPI contract test checks it with ajv too).
  return deliveryDiffSchema.strict().parse(JSON.parse(text));
}

describe("GET /api/bins/<id>/deliveries/<a>/diff?against=<b>", () => {
  it("compares JSON bodies by value: key order and whitespace are no change, arrays by index", async () => {
    const bin = await ctx.createBin();
    const json = { "Content-Type": "application/json" };
    const a = await send(
      bin.id,
      JSON.stringify({ id: "an_1", status: "queued", items: [1, 2, 3], meta: { a: 1 } }),
      json,
    );
    const b = await send(
      bin.id,
      `{\n  "meta": {"a": 1, "b": true},\n  "items": [1, 9],\n  "id": "an_1",\n  "status": "completed"\n}`,
      json,
    );
    const result = await diff(bin.id, a, b);
    expect(result.body).toEqual({
      kind: "json",
      changes: [
        { path: "/status", op: "changed", before: '"queued"', after: '"completed"' },
        { path: "/items/1", op: "changed", before: "2", after: "9" },
        { path: "/items/2", op: "removed", before: "3", after: null },
        { path: "/meta/b", op: "added", before: null, after: "true" },
      ],
      truncated: false,
      limit: null,
    });
    const same = await send(
      bin.id,
      '{"meta":{"a":1},"items":[1,2,3],"status":"queued","id":"an_1"}',
      json,
    );
    expect((await diff(bin.id, a, same)).body).toMatchObject({ kind: "json", changes: [] });
    // The other way round, added and removed swap.
    expect((await diff(bin.id, b, a)).body.changes).toContainEqual({
      path: "/meta/b",
      op: "removed",
      before: "true",
      after: null,
    });
  });

  it("compares text bodies by line and binary bodies by size and SHA-256", async () => {
    const bin = await ctx.createBin();
    const a = await send(bin.id, "alpha\nbeta\ngamma\n");
    const b = await send(bin.id, "alpha\nBETA\ngamma\ndelta\n");
    expect((await diff(bin.id, a, b)).body).toEqual({
      kind: "text",
      changes: [
        { path: "L2", op: "changed", before: "beta", after: "BETA" },
        { path: "L4", op: "added", before: null, after: "delta" },
      ],
      truncated: false,
      limit: null,
    });
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x01]);
    const binary = await send(bin.id, bytes);
    expect((await diff(bin.id, a, binary)).body).toEqual({
      kind: "binary",
      changes: [
        {
          path: "",
          op: "changed",
          before: `17 bytes, sha256 ${sha256("alpha\nbeta\ngamma\n")}`,
          after: `4 bytes, sha256 ${sha256(bytes)}`,
        },
      ],
      truncated: false,
      limit: null,
    });
  });

  it("reports header changes case-insensitively, with repeated headers as ordered lines", async () => {
    const bin = await ctx.createBin();
    const a = await sendRaw(bin.id, [
      "X-Event: created",
      "X-Only-Before: 1",
      "Set-Cookie: a=1",
      "Set-Cookie: b=2",
      "X-Same: same",
    ]);
    const b = await sendRaw(bin.id, [
      "x-event: updated",
      "SET-COOKIE: a=1",
      "x-same: same",
      "X-Only-After: 2",
    ]);
    const { headers } = await diff(bin.id, a, b);
    expect(headers).toEqual([
      { name: "x-event", op: "changed", before: "created", after: "updated" },
      { name: "x-only-before", op: "removed", before: "1", after: null },
      { name: "set-cookie", op: "changed", before: "a=1\nb=2", after: "a=1" },
      { name: "x-only-after", op: "added", before: null, after: "2" },
    ]);
  });

  it("answers 404 for an unknown bin or delivery and for a delivery of another bin, 400 for a bad `against` or bin id", async () => {
    const bin = await ctx.createBin();
    const other = await ctx.createBin();
    const a = await send(bin.id, "a");
    const b = await send(bin.id, "b");
    const foreign = await send(other.id, "c");
    const expectError = async (url: string, status: number, error: string) => {
      const response = await fetch(url);
      expect(response.status, url).toBe(status);
      expect(await response.json()).toMatchObject({ error });
    };
    const unknown = "00000000-0000-7000-8000-000000000000";
    await expectError(diffUrl("no-such-bin", a, `?against=${b}`), 404, "not_found");
    await expectError(diffUrl(bin.id, unknown, `?against=${b}`), 404, "not_found");
    await expectError(diffUrl(bin.id, a, `?against=${unknown}`), 404, "not_found");
    await expectError(diffUrl(bin.id, a, `?against=${foreign}`), 404, "not_found");
    await expectError(diffUrl(other.id, foreign, `?against=${a}`), 404, "not_found");
    await expectError(diffUrl(bin.id, "not-a-uuid", `?against=${b}`), 404, "not_found");
    // Malformed bin ids, a NUL among them (it reached PostgreSQL: a 500), as the other routes.
    for (const binId of ["%00", `${bin.id}%00`, "bad.id"]) {
      await expectError(diffUrl(binId, a, `?against=${b}`), 400, "bad_request");
    }
    await expectError(diffUrl(bin.id, a, ""), 400, "bad_request");
    await expectError(diffUrl(bin.id, a, "?against="), 400, "bad_request");
    await expectError(diffUrl(bin.id, a, "?against=nope"), 400, "bad_request");
    // The same delivery twice is simply equal.
    expect(await diff(bin.id, a, a)).toEqual({
      headers: [],
      body: { kind: "text", changes: [], truncated: false, limit: null },
    });
  });
});

describe("bounds: hostile bodies cannot make a diff unbounded", () => {
  it("lists the first 1,000 body changes and says the list is truncated", async () => {
    const bin = await ctx.createBin();
    const keys = Array.from({ length: 1500 }, (_, i) => i);
    const a = await send(bin.id, JSON.stringify(Object.fromEntries(keys.map((i) => [`k${i}`, i]))));
    const b = await send(
      bin.id,
      JSON.stringify(Object.fromEntries(keys.map((i) => [`k${i}`, -i - 1]))),
    );
    const { body } = await diff(bin.id, a, b);
    expect(body.changes).toHaveLength(1000);
    expect(body).toMatchObject({ kind: "json", truncated: true, limit: "changes" });
    expect(body.changes[999]).toEqual({
      path: "/k999",
      op: "changed",
      before: "999",
      after: "-1000",
    });
  });

  it("compares bodies over DIFF_MAX_BODY_BYTES by size and SHA-256 only", async () => {
    const bin = await ctx.createBin();
    const big = (fill: string) => JSON.stringify({ data: fill.repeat(MAX_DIFF_BODY) });
    const a = await send(bin.id, big("a"));
    const b = await send(bin.id, big("b"));
    const { body } = await diff(bin.id, a, b);
    expect(body).toEqual({
      kind: "text",
      changes: [
        {
          path: "",
          op: "changed",
          before: `${(MAX_DIFF_BODY + 11).toLocaleString("en-US")} bytes, sha256 ${sha256(big("a"))}`,
          after: `${(MAX_DIFF_BODY + 11).toLocaleString("en-US")} bytes, sha256 ${sha256(big("b"))}`,
        },
      ],
      truncated: true,
      limit: "size",
    });
    const binary = await send(bin.id, new Uint8Array(MAX_DIFF_BODY + 10).fill(0xff));
    expect((await diff(bin.id, a, binary)).body).toMatchObject({ kind: "binary", limit: null });
  });

  it("walks deeply nested JSON iteratively and reports a deep difference at the depth limit", async () => {
    const bin = await ctx.createBin();
    const nested = (depth: number, leaf: string) => "[".repeat(depth) + leaf + "]".repeat(depth);
    const a = await send(bin.id, nested(5000, "1"));
    const b = await send(bin.id, nested(5000, "2"));
    const { body } = await diff(bin.id, a, b);
    expect(body.kind).toBe("json");
    expect(body.changes).toHaveLength(1);
    // Paths stop at depth 100: the container there is the one change, its values cut.
    expect(body.changes[0]!.path).toBe("/0".repeat(100));
    expect(body.changes[0]!.before).toBe(`${"[".repeat(1000)}…`);

    // Nested deeper than 10,000 levels, JSON is not parsed at all (V8 slows down on it): text.
    const c = await send(bin.id, nested(200_000, "1"));
    const d = await send(bin.id, nested(200_000, "2"));
    const deep = await diff(bin.id, c, d);
    expect(deep.body.kind).toBe("text");
    expect(deep.body.changes).toEqual([
      { path: "L1", op: "changed", before: `${"[".repeat(1000)}…`, after: `${"[".repeat(1000)}…` },
    ]);
    expect((await fetch(`${ctx.server.baseUrl}/api/health`)).status).toBe(200);
  });

  it("gives one summary change for texts too different to diff line by line", async () => {
    const bin = await ctx.createBin();
    const lines = (prefix: string) =>
      Array.from({ length: 5000 }, (_, i) => `${prefix}${i}`).join("\n");
    const a = await send(bin.id, lines("a"));
    const b = await send(bin.id, lines("b"));
    const { body } = await diff(bin.id, a, b);
    expect(body).toMatchObject({ kind: "text", truncated: true, limit: "effort" });
    expect(body.changes).toEqual([
      expect.objectContaining({ path: "", op: "changed", before: expect.stringMatching(/sha256/) }),
    ]);
  });

  it("takes a slot per client address (429 with Retry-After past it) and gives it back when the client aborts", async () => {
    const bin = await ctx.createBin();
    const a = await send(bin.id, "one");
    const b = await send(bin.id, "two");
    // Hold the table so the first diff waits inside its read, slot taken.
    const locker = new pg.Client({ connectionString: ctx.databaseUrl });
    await locker.connect();
    // Watched from outside the lock's transaction: inside it, pg_stat_activity stays as it was
    // when first read.
    const watcher = new pg.Client({ connectionString: ctx.databaseUrl });
    await watcher.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE deliveries IN ACCESS EXCLUSIVE MODE");
      const controller = new AbortController();
      const first = fetch(diffUrl(bin.id, a, `?against=${b}`), { signal: controller.signal }).catch(
        (error: Error) => error,
      );
      // Wait until the first diff's query is queued behind the lock.
      await expect
        .poll(
          async () =>
            (
              await watcher.query(
                "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%body_sha256%'",
              )
            ).rows[0].n,
          { timeout: 10_000 },
        )
        .toBeGreaterThan(0);
      const second = await fetch(diffUrl(bin.id, a, `?against=${b}`));
      expect(second.status).toBe(429);
      expect(second.headers.get("retry-after")).toBe("2");
      expect(await second.json()).toMatchObject({ error: "rate_limited" });
      controller.abort();
      expect(await first).toBeInstanceOf(Error);
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
      await watcher.end();
    }
    // The aborted diff ends its read and releases the slot: the next one is served.
    await expect
      .poll(async () => (await fetch(diffUrl(bin.id, a, `?against=${b}`))).status, {
        timeout: 10_000,
        interval: 100,
      })
      .toBe(200);
  });
});
