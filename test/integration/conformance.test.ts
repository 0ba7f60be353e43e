import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestAnalysis } from "@/test/support/build-test-analysis";
import { openSseStream } from "@/test/support/read-sse-events";
import { setupTestServer } from "@/test/support/setup-test-server";

// Long enough that "bin B answered while bin A's runaway pattern was still running" is an
// ordering, not a race against the machine's load.
const CONFORMANCE_TIMEOUT_MS = 5000;
const suite = setupTestServer({ env: { CONFORMANCE_TIMEOUT_MS: String(CONFORMANCE_TIMEOUT_MS) } });
const CALLCOV = "callcov-analysis@1";

async function send(binId: string, body: unknown): Promise<string> {
  const response = await fetch(`${suite.server.baseUrl}/echo/${binId}/webhooks/analysis`, {
    method: "POST",
    headers: { "Content-Type": typeof body === "string" ? "text/plain" : "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveryId: string }).deliveryId;
}

type Conformance = { schema: string; valid: boolean } | null;

async function list(binId: string, query = ""): Promise<Map<string, Conformance>> {
  const response = await fetch(`${suite.server.baseUrl}/api/bins/${binId}/deliveries${query}`);
  expect(response.status).toBe(200);
  const page = (await response.json()) as {
    deliveries: Array<{ id: string; conformance: Conformance }>;
  };
  return new Map(page.deliveries.map((delivery) => [delivery.id, delivery.conformance]));
}

async function detail(binId: string, deliveryId: string) {
  const response = await fetch(
    `${suite.server.baseUrl}/api/bins/${binId}/deliveries/${deliveryId}`,
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { conformance: unknown }).conformance;
}

async function storedVerdicts(binId: string) {
  const { rows } = await suite.db.query<{
    id: string;
    conformance_schema: string | null;
    conformance_valid: boolean | null;
  }>("SELECT id::text, conformance_schema, conformance_valid FROM deliveries WHERE bin_id = $1", [
    binId,
  ]);
  return new Map(rows.map((row) => [row.id, [row.conformance_schema, row.conformance_valid]]));
}

const ORDER_SCHEMA = {
  type: "object",
  required: ["order"],
  properties: { order: { type: "integer" } },
};

describe("schema conformance", () => {
  it("judges CallCov analyses against callcov-analysis@1 at capture, and lists the stored verdicts", async () => {
    const bin = await suite.createBin();
    const valid = await send(bin.id, buildTestAnalysis());
    const failed = await send(bin.id, buildTestAnalysis({ status: "failed" }));
    const invalid = await send(bin.id, {
      ...buildTestAnalysis(),
      status: "done",
      created: "yesterday",
      region: "eu",
    });
    const other = await send(bin.id, { hello: "world" });
    const text = await send(bin.id, "plain text");

    // Stored with the row: no read has to load the body back to judge it.
    const atCapture = await storedVerdicts(bin.id);
    expect(atCapture.get(valid)).toEqual([CALLCOV, true]);
    expect(atCapture.get(failed)).toEqual([CALLCOV, true]);
    expect(atCapture.get(invalid)).toEqual([CALLCOV, false]);
    expect(atCapture.get(other)).toEqual([CALLCOV, null]);
    expect(atCapture.get(text)).toEqual([CALLCOV, null]);

    const verdicts = await list(bin.id);
    expect(verdicts.get(valid)).toEqual({ schema: CALLCOV, valid: true });
    expect(verdicts.get(failed)).toEqual({ schema: CALLCOV, valid: true });
    expect(verdicts.get(invalid)).toEqual({ schema: CALLCOV, valid: false });
    expect(verdicts.get(other)).toBeNull();
    expect(verdicts.get(text)).toBeNull();

    // Rows stored before capture judged them are judged at their first read, and kept.
    await suite.db.query(
      "UPDATE deliveries SET conformance_schema = NULL, conformance_valid = NULL WHERE bin_id = $1",
      [bin.id],
    );
    expect(await list(bin.id)).toEqual(verdicts);
    const stored = await storedVerdicts(bin.id);
    expect(stored.get(invalid)).toEqual([CALLCOV, false]);
    expect(stored.get(other)).toEqual([CALLCOV, null]);

    expect(await detail(bin.id, invalid)).toEqual({
      schema: CALLCOV,
      valid: false,
      errors: expect.arrayContaining([
        { path: "/status", message: "must be one of: completed, failed" },
        { path: "/created", message: "must be integer" },
      ]),
      unknownFields: ["/region"],
    });
    expect(await detail(bin.id, valid)).toEqual({
      schema: CALLCOV,
      valid: true,
      errors: [],
      unknownFields: [],
    });
    expect(await detail(bin.id, other)).toBeNull();
  });

  it("live events carry the verdict of each new delivery", async () => {
    const bin = await suite.createBin();
    const stream = await openSseStream(`${suite.server.baseUrl}/api/bins/${bin.id}/events`);
    await stream.waitFor((event) => event.event === "ready");
    const invalid = await send(bin.id, {
      ...buildTestAnalysis({ status: "failed" }),
      status: "done",
    });
    const other = await send(bin.id, { hello: "world" });
    const data = async (id: string) =>
      JSON.parse((await stream.waitFor((e) => e.event === "delivery" && e.id === id)).data);
    expect((await data(invalid)).conformance).toEqual({ schema: CALLCOV, valid: false });
    expect((await data(other)).conformance).toBeNull();
    stream.close();
  });

  it("filters the list by conformance=valid|invalid (no schema: neither)", async () => {
    const bin = await suite.createBin();
    const valid = await send(bin.id, buildTestAnalysis({ status: "failed" }));
    const invalid = await send(bin.id, {
      ...buildTestAnalysis({ status: "failed" }),
      object: "call",
    });
    await send(bin.id, { hello: "world" });

    expect([...(await list(bin.id, "?conformance=valid")).keys()]).toEqual([valid]);
    expect([...(await list(bin.id, "?conformance=invalid")).keys()]).toEqual([invalid]);
    const bad = await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries?conformance=ok`);
    expect(bad.status).toBe(400);
  });

  it("applies the owner's own schema to every JSON delivery, and re-judges when it changes", async () => {
    const bin = await suite.createBin();
    const analysis = await send(bin.id, buildTestAnalysis());
    const order = await send(bin.id, { order: 7 });
    const text = await send(bin.id, "plain text");
    expect((await list(bin.id)).get(analysis)).toEqual({ schema: CALLCOV, valid: true });

    const saved = await suite.putSettings(bin.id, { jsonSchema: ORDER_SCHEMA }, bin.ownerToken);
    expect(saved.status).toBe(200);
    const state = (await saved.json()) as { jsonSchema: unknown; jsonSchemaName: string };
    expect(state.jsonSchema).toEqual(ORDER_SCHEMA);
    expect(state.jsonSchemaName).toMatch(/^bin@[0-9a-f]{12}$/);
    const publicBin = await (await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).json();
    expect(publicBin).toMatchObject({
      jsonSchema: ORDER_SCHEMA,
      jsonSchemaName: state.jsonSchemaName,
    });

    const name = state.jsonSchemaName;
    // Sent under the bin's own schema: capture leaves it to the validator thread, at first read.
    const later = await send(bin.id, { order: 12 });
    expect((await storedVerdicts(bin.id)).get(later)).toEqual([null, null]);
    let verdicts = await list(bin.id);
    expect(verdicts.get(later)).toEqual({ schema: name, valid: true });
    expect(verdicts.get(analysis)).toEqual({ schema: name, valid: false });
    expect(verdicts.get(order)).toEqual({ schema: name, valid: true });
    expect(verdicts.get(text)).toBeNull();
    expect(await detail(bin.id, analysis)).toEqual({
      schema: name,
      valid: false,
      errors: [{ path: "/order", message: "is required" }],
      unknownFields: [],
    });
    expect((await storedVerdicts(bin.id)).get(order)).toEqual([name, true]);

    // A changed schema has a new name: every stored verdict is stale and judged again.
    const stricter = { ...ORDER_SCHEMA, properties: { order: { type: "integer", minimum: 10 } } };
    const changed = await suite.putSettings(bin.id, { jsonSchema: stricter }, bin.ownerToken);
    const newName = ((await changed.json()) as { jsonSchemaName: string }).jsonSchemaName;
    expect(newName).not.toBe(name);
    verdicts = await list(bin.id);
    expect(verdicts.get(order)).toEqual({ schema: newName, valid: false });
    expect((await storedVerdicts(bin.id)).get(order)).toEqual([newName, false]);
    expect([...(await list(bin.id, "?conformance=invalid")).keys()].sort()).toEqual(
      [analysis, order].sort(),
    );

    // null goes back to the CallCov schema.
    await suite.putSettings(bin.id, { jsonSchema: null }, bin.ownerToken);
    verdicts = await list(bin.id);
    expect(verdicts.get(analysis)).toEqual({ schema: CALLCOV, valid: true });
    expect(verdicts.get(order)).toBeNull();
  });

  it("lets only the owner set the schema", async () => {
    const bin = await suite.createBin();
    const other = await suite.createBin();
    expect((await suite.putSettings(bin.id, { jsonSchema: ORDER_SCHEMA })).status).toBe(401);
    expect(
      (await suite.putSettings(bin.id, { jsonSchema: ORDER_SCHEMA }, other.ownerToken)).status,
    ).toBe(403);
    const { rows } = await suite.db.query("SELECT json_schema FROM bins WHERE id = $1", [bin.id]);
    expect(rows[0]).toEqual({ json_schema: null });
  });

  describe("hostile schemas", () => {
    let fetchTarget: Server;
    let fetches = 0;
    beforeAll(async () => {
      fetchTarget = createServer((_, response) => {
        fetches++;
        response.end(JSON.stringify({ type: "string" }));
      });
      await new Promise<void>((resolve) => fetchTarget.listen(0, "127.0.0.1", resolve));
    });
    afterAll(() => new Promise((resolve) => fetchTarget.close(resolve)));

    async function refused(body: unknown): Promise<string> {
      const bin = await suite.createBin();
      const response = await suite.putSettings(bin.id, body, bin.ownerToken);
      expect(response.status).toBe(400);
      const { rows } = await suite.db.query("SELECT json_schema FROM bins WHERE id = $1", [bin.id]);
      expect(rows[0]).toEqual({ json_schema: null });
      return JSON.stringify(await response.json());
    }

    it("refuses a schema over 64 KiB", async () => {
      const big = { description: "x".repeat(64 * 1024) };
      expect(await refused({ jsonSchema: big })).toContain("64 KiB");
    });

    it("refuses what ajv cannot compile, with ajv's reason", async () => {
      expect(await refused({ jsonSchema: { type: "strnig" } })).toMatch(
        /jsonSchema cannot be used: .*schema is invalid/,
      );
      expect(await refused({ jsonSchema: [] })).toContain("jsonSchema");
    });

    it("refuses a remote $ref without fetching it", async () => {
      const { port } = fetchTarget.address() as AddressInfo;
      const message = await refused({
        jsonSchema: { $ref: `http://127.0.0.1:${port}/schema.json` },
      });
      expect(message).toContain("can't resolve reference");
      expect(fetches).toBe(0);
    });

    it("a catastrophic pattern stalls neither captures nor reads of other bins", async () => {
      const hostile = await suite.createBin();
      const saved = await suite.putSettings(
        hostile.id,
        { jsonSchema: { properties: { s: { type: "string", pattern: "^(a+)+$" } } } },
        hostile.ownerToken,
      );
      expect(saved.status).toBe(200);
      const runaway = await send(hostile.id, { s: `${"a".repeat(40)}!` });

      const order: string[] = [];
      const hostileRead = list(hostile.id).then((verdicts) => {
        order.push("hostile bin read");
        return verdicts;
      });
      // Give the hostile read time to reach the validator thread before the other bin goes.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const calm = await suite.createBin();
      const analysis = await send(calm.id, buildTestAnalysis());
      const calmVerdicts = await list(calm.id);
      order.push("other bin captured and read");
      expect(calmVerdicts.get(analysis)).toEqual({ schema: CALLCOV, valid: true });

      const verdicts = await hostileRead;
      expect(order).toEqual(["other bin captured and read", "hostile bin read"]);
      expect(verdicts.get(runaway)).toMatchObject({ valid: false });
      // Judged once and stored: the detail says why, and is not held up again (the schema is paused).
      expect(await detail(hostile.id, runaway)).toMatchObject({
        valid: false,
        errors: [{ path: "", message: expect.stringMatching(/^Not checked: /) }],
      });
      const stored = await storedVerdicts(hostile.id);
      expect(stored.get(runaway)?.[1]).toBe(false);
    });
  });
});
