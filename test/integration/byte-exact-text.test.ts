import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { createTestDb } from "@/test/support/test-db";

const databaseUrl = inject("databaseUrl");
const db = createTestDb(databaseUrl);
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ databaseUrl });
});
afterAll(async () => {
  await server?.stop();
  await db.close();
});

const BOM = "\uFEFF";
const binId = "bom-bin";

// Every view of a captured text body decodes it the same way (lib/text/decode-utf8.ts):
// a leading BOM is part of the bytes, so it is part of the text, everywhere.
describe("a BOM-prefixed text body stays byte-exact through every read path", () => {
  it("capture -> detail bodyText -> JSON lines -> HAR -> raw download all keep the BOM", async () => {
    await db.query("DELETE FROM bins WHERE id = $1", [binId]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"ok":true}')]);
    const captured = await fetch(`${server.baseUrl}/echo/${binId}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: bytes,
    });
    expect(captured.status).toBe(200);
    const { deliveryId } = (await captured.json()) as { deliveryId: string };

    const detail = await (
      await fetch(`${server.baseUrl}/api/bins/${binId}/deliveries/${deliveryId}`)
    ).json();
    expect(detail.bodyText).toBe(`${BOM}{"ok":true}`);
    expect(Buffer.from(detail.bodyBase64, "base64")).toEqual(Buffer.from(bytes));

    const jsonl = await (
      await fetch(`${server.baseUrl}/api/bins/${binId}/export?format=jsonl`)
    ).text();
    const [line] = jsonl
      .trim()
      .split("\n")
      .map((row) => JSON.parse(row));
    expect(line.id).toBe(deliveryId);
    expect(line.bodyText).toBe(`${BOM}{"ok":true}`);

    const har = await (await fetch(`${server.baseUrl}/api/bins/${binId}/export?format=har`)).json();
    expect(har.log.entries[0].request.postData.text).toBe(`${BOM}{"ok":true}`);

    const raw = await fetch(`${server.baseUrl}/api/bins/${binId}/deliveries/${deliveryId}/raw`);
    expect(new Uint8Array(await raw.arrayBuffer())).toEqual(bytes);
  });
});
