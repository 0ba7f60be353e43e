import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSchemaValidatorPool,
  type SchemaValidatorPool,
} from "@/lib/conformance/create-schema-validator-pool";
import { hashJsonSchema } from "@/lib/conformance/hash-json-schema";

const bytes = (text: string) => new TextEncoder().encode(text);

function schemaOf(schema: unknown) {
  const text = JSON.stringify(schema);
  return { text, hash: hashJsonSchema({ text }).hash };
}

const ORDER = schemaOf({
  type: "object",
  required: ["order"],
  properties: { order: { type: "integer" }, email: { type: "string", format: "email" } },
});
// Nested quantifiers: exponential backtracking on a run of "a" that does not end the string.
const REDOS = schemaOf({ properties: { s: { type: "string", pattern: "^(a+)+$" } } });
const HOSTILE_BODY = bytes(JSON.stringify({ s: `${"a".repeat(40)}!` }));

describe("createSchemaValidatorPool", () => {
  let pool: SchemaValidatorPool;
  let fetchTarget: Server;
  let fetches = 0;

  beforeAll(async () => {
    // Room for a fresh thread to compile a schema on a loaded machine; a runaway pattern on
    // HOSTILE_BODY would run for hours.
    pool = createSchemaValidatorPool({ timeoutMs: 1500 });
    fetchTarget = createServer((_, response) => {
      fetches++;
      response.end("{}");
    });
    await new Promise<void>((resolve) => fetchTarget.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await pool.close();
    await new Promise((resolve) => fetchTarget.close(resolve));
  });

  it("judges JSON bodies against an owner's schema, with formats", async () => {
    expect(await pool.validate({ ...ORDER, body: bytes('{"order": 7}') })).toEqual({
      kind: "judged",
      errors: [],
    });
    const refused = await pool.validate({
      ...ORDER,
      body: bytes('\uFEFF{"order": "7", "email": "nope"}'),
    });
    expect(refused.kind === "judged" && refused.errors.map((error) => error.instancePath)).toEqual([
      "/order",
      "/email",
    ]);
  });

  it("says when a body is not JSON at all", async () => {
    for (const body of [bytes("order=7"), bytes('"just a string"'), new Uint8Array([0xff, 0x7b])]) {
      expect(await pool.validate({ ...ORDER, body })).toEqual({ kind: "not-json" });
    }
  });

  it("refuses what ajv cannot compile, naming why", async () => {
    const broken = await pool.check(schemaOf({ type: "strnig" }));
    expect(broken).toMatchObject({ ok: false });
    expect(!broken.ok && broken.message).toMatch(/schema is invalid/);
    const draft7 = await pool.check(
      schemaOf({ $schema: "http://json-schema.org/draft-07/schema#" }),
    );
    expect(draft7.ok).toBe(false);
    expect(await pool.check(ORDER)).toEqual({ ok: true });
  });

  it("never fetches a remote $ref: it cannot be resolved, so the schema is refused", async () => {
    const { port } = fetchTarget.address() as AddressInfo;
    const remote = await pool.check(schemaOf({ $ref: `http://127.0.0.1:${port}/schema.json` }));
    expect(remote.ok).toBe(false);
    expect(!remote.ok && remote.message).toMatch(/can't resolve reference/);
    expect(fetches).toBe(0);
  });

  it("stops a catastrophic pattern without blocking this thread, then pauses that schema", async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const outcome = await pool.validate({ ...REDOS, body: HOSTILE_BODY });
    clearInterval(ticker);
    expect(outcome).toMatchObject({ kind: "stopped" });
    expect(outcome.kind === "stopped" && outcome.reason).toMatch(/took longer than 1500 ms/);
    // The main thread kept running timers the whole time the pattern ran.
    expect(ticks).toBeGreaterThan(3);
    // Paused: the next body is not even tried (a harmless one, which would otherwise pass).
    expect(await pool.validate({ ...REDOS, body: bytes('{"s": "aaa"}') })).toMatchObject({
      kind: "stopped",
      reason: expect.stringMatching(/paused/),
    });
    // Other schemas go on, on a fresh thread.
    expect(await pool.validate({ ...ORDER, body: bytes('{"order": 1}') })).toEqual({
      kind: "judged",
      errors: [],
    });
  });

  it("answers tasks queued behind a runaway one once it is stopped", async () => {
    const other = schemaOf({ properties: { s: { type: "string", pattern: "^(b+)+$" } } });
    const [slow, queued] = await Promise.all([
      pool.validate({ ...other, body: bytes(JSON.stringify({ s: `${"b".repeat(40)}!` })) }),
      pool.validate({ ...ORDER, body: bytes('{"order": "x"}') }),
    ]);
    expect(slow.kind).toBe("stopped");
    expect(queued).toMatchObject({ kind: "judged", errors: [{ instancePath: "/order" }] });
  });
});
