import { describe, expect, it } from "vitest";
import { setupTestServer } from "@/test/support/setup-test-server";

const suite = setupTestServer();
const db = suite.db;

async function send(binId: string, body: string | Uint8Array<ArrayBuffer>, init: RequestInit = {}) {
  const response = await fetch(`${suite.server.baseUrl}/echo/${binId}/hooks?a=1`, {
    method: "POST",
    body,
    ...init,
  });
  return (await response.json()).deliveryId as string;
}

describe("read API", () => {
  it("POST /api/bins creates a bin with a 128-bit id and stores only the token's hash", async () => {
    const response = await fetch(`${suite.server.baseUrl}/api/bins`, { method: "POST" });
    expect(response.status).toBe(201);
    const bin = await response.json();
    expect(Object.keys(bin).sort()).toEqual(["echoUrl", "id", "ownerToken", "viewUrl"]);
    expect(bin.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(bin.echoUrl).toBe(`${suite.server.baseUrl}/echo/${bin.id}`);
    expect(bin.viewUrl).toBe(`${suite.server.baseUrl}/view/${bin.id}`);
    expect(response.headers.get("set-cookie")).toMatch(new RegExp(`we_owner_${bin.id}=.*HttpOnly`));
    const { rows } = await db.query<{ owner_token_hash: string }>(
      "SELECT owner_token_hash FROM bins WHERE id = $1",
      [bin.id],
    );
    expect(rows[0]?.owner_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.owner_token_hash).not.toContain(bin.ownerToken);
    const read = await (await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).text();
    expect(read).not.toContain(bin.ownerToken);
    expect(read).not.toContain(rows[0]!.owner_token_hash);
  });

  it("GET /api/bins/<id> is 404 JSON for an unknown bin and 400 for a malformed id", async () => {
    const unknown = await fetch(`${suite.server.baseUrl}/api/bins/never-seen`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: "not_found" });
    const malformed = await fetch(`${suite.server.baseUrl}/api/bins/bad.id`);
    expect(malformed.status).toBe(400);
  });

  it("pages deliveries newest first with a cursor and no bodies", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await send("paged", `body-${i}`));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&before=${cursor}` : "";
      const response = await fetch(
        `${suite.server.baseUrl}/api/bins/paged/deliveries?limit=3${query}`,
      );
      expect(response.status).toBe(200);
      const page = await response.json();
      for (const delivery of page.deliveries) {
        expect(delivery).not.toHaveProperty("bodyBase64");
        expect(delivery).toMatchObject({
          binId: "paged",
          method: "POST",
          path: "/hooks",
          query: "a=1",
          size: 6,
        });
        seen.push(delivery.id);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it("validates limit and cursor with 400s", async () => {
    for (const query of ["limit=0", "limit=201", "limit=abc", "before=not-a-cursor"]) {
      const response = await fetch(`${suite.server.baseUrl}/api/bins/paged/deliveries?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: "bad_request" });
    }
  });

  it("returns one full delivery with headers, base64 body and text when UTF-8", async () => {
    const id = await send("full", '{"ok":true}', {
      headers: { "Content-Type": "application/json", "X-Test": "1" },
    });
    const response = await fetch(`${suite.server.baseUrl}/api/bins/full/deliveries/${id}`);
    const delivery = await response.json();
    expect(delivery).toMatchObject({
      id,
      method: "POST",
      path: "/hooks",
      query: "a=1",
      contentType: "application/json",
      size: 11,
      bodyBase64: Buffer.from('{"ok":true}').toString("base64"),
      bodyText: '{"ok":true}',
    });
    expect(new Date(delivery.receivedAt).toISOString()).toBe(delivery.receivedAt);
    expect(delivery.headers).toContainEqual(["X-Test", "1"]);
    const binary = await send(
      "full",
      new Uint8Array([0xff, 0x00, 0xfe]) as Uint8Array<ArrayBuffer>,
    );
    const binaryDelivery = await (
      await fetch(`${suite.server.baseUrl}/api/bins/full/deliveries/${binary}`)
    ).json();
    expect(binaryDelivery.bodyText).toBeNull();
    expect(binaryDelivery.bodyBase64).toBe("/wD+");
  });

  it("404s for unknown deliveries and for a delivery of another bin", async () => {
    const id = await send("owner-a", "x");
    expect((await fetch(`${suite.server.baseUrl}/api/bins/owner-b/deliveries/${id}`)).status).toBe(
      404,
    );
    expect(
      (
        await fetch(
          `${suite.server.baseUrl}/api/bins/owner-a/deliveries/00000000-0000-7000-8000-000000000000`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await fetch(`${suite.server.baseUrl}/api/bins/owner-a/deliveries/nope/raw`)).status,
    ).toBe(404);
  });

  // A NUL reached PostgreSQL as part of the bin id (22021: a 500): a malformed id is a 400, as
  // on GET /api/bins/<id> and the list.
  it("400s for a malformed bin id (a NUL too) on the detail and the raw body", async () => {
    const id = await send("nul-id-bin", "x");
    for (const binId of ["%00", "nul-id-bin%00", "bad.id"]) {
      for (const path of [
        `/api/bins/${binId}/deliveries/${id}`,
        `/api/bins/${binId}/deliveries/${id}/raw`,
      ]) {
        const response = await fetch(`${suite.server.baseUrl}${path}`);
        expect(response.status, path).toBe(400);
        expect(await response.json()).toEqual({ error: "bad_request", message: "Invalid bin id" });
      }
    }
    expect(suite.server.output()).not.toMatch(/ error: /);
  });
});
