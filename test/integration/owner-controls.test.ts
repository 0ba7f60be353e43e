import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestServer } from "@/test/support/setup-test-server";

const suite = setupTestServer();
const db = suite.db;

const createBin = suite.createBin;

const put = suite.putSettings;

const analysis = (id: string) =>
  JSON.stringify({ id, object: "analysis", status: "completed", call: {} });

describe("response simulation", () => {
  it("answers with the configured status, headers, body and content type, and records it", async () => {
    const bin = await createBin();
    const settings = {
      response: {
        status: 202,
        headers: { "X-Answer": "yes" },
        body: '{"ok":1}',
        contentType: "application/json",
      },
    };
    expect((await put(bin.id, settings, bin.ownerToken)).status).toBe(200);
    const response = await fetch(`${suite.server.baseUrl}/echo/${bin.id}`, {
      method: "POST",
      body: "x",
    });
    expect(response.status).toBe(202);
    expect(response.headers.get("x-answer")).toBe("yes");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(await response.text()).toBe('{"ok":1}');
    const id = response.headers.get("x-delivery-id")!;
    const detail = await (
      await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries/${id}`)
    ).json();
    expect(detail.responseStatus).toBe(202);
    expect(detail.response).toMatchObject({ status: 202, reason: "settings", body: '{"ok":1}' });
    const view = await (await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).json();
    expect(view.response).toMatchObject({ status: 202 });
  });

  it("stores the delivery even when the simulated answer is an error", async () => {
    const bin = await createBin();
    await put(bin.id, { response: { status: 500 } }, bin.ownerToken);
    const response = await fetch(`${suite.server.baseUrl}/echo/${bin.id}`, {
      method: "POST",
      body: "kept",
    });
    expect(response.status).toBe(500);
    const { rows } = await db.query<{ body: Buffer; response_status: number }>(
      "SELECT body, response_status FROM deliveries WHERE bin_id = $1",
      [bin.id],
    );
    expect(rows.map((r) => [r.body.toString(), r.response_status])).toEqual([["kept", 500]]);
  });

  it("delays the answer without slowing a parallel delivery to another bin", async () => {
    const slow = await createBin();
    await put(slow.id, { response: { delayMs: 1500 } }, slow.ownerToken);
    const startedAt = Date.now();
    const slowAnswer = fetch(`${suite.server.baseUrl}/echo/${slow.id}`, {
      method: "POST",
      body: "s",
    }).then(() => Date.now());
    await new Promise((r) => setTimeout(r, 100));
    const fastAnswer = await fetch(`${suite.server.baseUrl}/echo/fast-bin`, {
      method: "POST",
      body: "f",
    }).then(() => Date.now());
    const slowDone = await slowAnswer;
    // Order, not timing thresholds: the fast one finished first although it started later.
    expect(fastAnswer).toBeLessThan(slowDone);
    expect(slowDone - startedAt).toBeGreaterThanOrEqual(1500);
    // The slow delivery was stored before its answer.
    const { rows } = await db.query("SELECT bin_id FROM deliveries ORDER BY id");
    expect(rows).toHaveLength(2);
  });

  it("fails the first N attempts of each analysis id, independently, then answers normally", async () => {
    const bin = await createBin();
    await put(bin.id, { failFirst: { count: 2, status: 503 } }, bin.ownerToken);
    const send = async (body: string) =>
      (await fetch(`${suite.server.baseUrl}/echo/${bin.id}`, { method: "POST", body })).status;
    expect(await send(analysis("an-1"))).toBe(503);
    expect(await send(analysis("an-1"))).toBe(503);
    expect(await send(analysis("an-2"))).toBe(503);
    expect(await send(analysis("an-1"))).toBe(200);
    expect(await send(analysis("an-2"))).toBe(503);
    expect(await send(analysis("an-2"))).toBe(200);
    // Without an analysis id, identical bodies count as attempts of one thing.
    expect(await send("plain")).toBe(503);
    expect(await send("other")).toBe(503);
    expect(await send("plain")).toBe(503);
    expect(await send("plain")).toBe(200);

    const page = await (
      await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries?limit=200`)
    ).json();
    const an1 = page.deliveries
      .filter((d: { analysisId: string }) => d.analysisId === "an-1")
      .reverse();
    expect(
      an1.map((d: { attempt: number; responseStatus: number }) => [d.attempt, d.responseStatus]),
    ).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
  });

  it("honours /echo/<id>/status/<code> and still captures", async () => {
    const response = await fetch(`${suite.server.baseUrl}/echo/status-bin/status/418`, {
      method: "POST",
      body: "t",
    });
    expect(response.status).toBe(418);
    const { rows } = await db.query(
      "SELECT path, response_status FROM deliveries WHERE bin_id = 'status-bin'",
    );
    expect(rows).toEqual([{ path: "/status/418", response_status: 418 }]);
  });

  it("answers 204, 205 and 304 without a body and without a content type, and still captures", async () => {
    for (const status of [204, 205, 304]) {
      const response = await fetch(`${suite.server.baseUrl}/echo/bodiless-bin/status/${status}`, {
        method: "POST",
        body: "t",
      });
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type"), String(status)).toBeNull();
      expect(response.headers.get("x-delivery-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.text()).toBe("");
    }
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliveries WHERE bin_id = 'bodiless-bin'",
    );
    expect(rows).toEqual([{ n: 3 }]);
  });

  it("refuses invalid settings with 400", async () => {
    const bin = await createBin();
    for (const body of [
      { response: { status: 99 } },
      { response: { status: 600 } },
      { response: { delayMs: 120_001 } },
      { response: { headers: { "Set-Cookie": "a=b" } } },
      { response: { headers: { "Bad Header": "x" } } },
      { response: { headers: { "X-A": "line\nbreak" } } },
      { failFirst: { count: -1 } },
      { response: { unknown: 1 } },
    ]) {
      expect((await put(bin.id, body, bin.ownerToken)).status, JSON.stringify(body)).toBe(400);
    }
  });

  // bins.settings is jsonb, which refuses U+0000 and a lone surrogate (22P05 / 22P02: a 500);
  // the secret is encrypted from its UTF-8, which cannot carry a lone surrogate (it would
  // silently become U+FFFD and sign with another key).
  it.each([
    [{ response: { body: "a\u0000b" } }, "response.body"],
    [{ response: { body: "a\ud800b" } }, "response.body"],
    [
      { rules: [{ when: { header: { name: "x", contains: "\u0000" } }, response: {} }] },
      "rules.0.when.header.contains",
    ],
    [
      { rules: [{ when: { header: { name: "x\udc00" } }, response: {} }] },
      "rules.0.when.header.name",
    ],
    [
      { rules: [{ when: { json: { path: "a", equals: "\udfff" } }, response: {} }] },
      "rules.0.when.json.equals",
    ],
    [
      { rules: [{ when: { json: { path: "a\u0000", equals: 1 } }, response: {} }] },
      "rules.0.when.json.path",
    ],
    [{ rules: [{ when: { path: "/\u0000" }, response: {} }] }, "rules.0.when.path"],
    [{ rules: [{ response: { body: "\ud800" } }] }, "rules.0.response.body"],
    [{ webhookSecret: "whsec_\ud800" }, "webhookSecret"],
    [{ webhookSecret: "a\u0000b" }, "webhookSecret"],
  ])("refuses %j with a 400 naming %s, and keeps the settings", async (settings, field) => {
    const bin = await createBin();
    expect((await put(bin.id, { response: { body: "kept" } }, bin.ownerToken)).status).toBe(200);
    const answer = await put(bin.id, settings, bin.ownerToken);
    expect(answer.status).toBe(400);
    const refused = (await answer.json()) as { error: string; message: string };
    expect(refused.error).toBe("bad_request");
    expect(refused.message).toContain(`${field}: `);
    const view = await (await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).json();
    expect(view).toMatchObject({ response: { body: "kept" }, rules: [], hasSecret: false });
    expect(suite.server.output()).not.toMatch(/ error: /);
  });

  it("keeps text with paired surrogates, and a JSON Schema's U+0000 and lone surrogates exactly", async () => {
    const bin = await createBin();
    // jsonSchema is stored as JSON text, where both stay escapes: a schema may well forbid them.
    const jsonSchema = { type: "object", properties: { a: { not: { pattern: "\u0000|\ud800" } } } };
    const secret = "s3cret 😀";
    const settings = { response: { body: "ok 😀" }, webhookSecret: secret, jsonSchema };
    expect((await put(bin.id, settings, bin.ownerToken)).status).toBe(200);
    const view = await (await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).json();
    expect(view).toMatchObject({ response: { body: "ok 😀" }, hasSecret: true, jsonSchema });
    // The secret verifies as given, and deliveries are judged under the schema.
    const body = '{"a":"x"}';
    const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    const sent = await fetch(`${suite.server.baseUrl}/echo/${bin.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature },
      body,
    });
    expect(await sent.text()).toBe("ok 😀");
    const list = await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}/deliveries`);
    expect((await list.json()).deliveries).toMatchObject([
      { signature: { status: "valid" }, conformance: { valid: true } },
    ]);
  });
});

describe("housekeeping and permissions", () => {
  it("owner deletes one delivery, clears all, deletes the bin (204); others get 401/403", async () => {
    const bin = await createBin();
    const other = await createBin();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await (
            await fetch(`${suite.server.baseUrl}/echo/${bin.id}`, {
              method: "POST",
              body: String(i),
            })
          ).json()
        ).deliveryId,
      );
    }
    const del = (path: string, token?: string) =>
      fetch(`${suite.server.baseUrl}${path}`, {
        method: "DELETE",
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
    for (const path of [
      `/api/bins/${bin.id}/deliveries/${ids[0]}`,
      `/api/bins/${bin.id}/deliveries`,
      `/api/bins/${bin.id}`,
    ]) {
      expect((await del(path)).status).toBe(401);
      expect((await del(path, other.ownerToken)).status).toBe(403);
    }
    expect((await put(bin.id, { response: { status: 500 } }, other.ownerToken)).status).toBe(403);
    expect(
      (await db.query("SELECT id FROM deliveries WHERE bin_id = $1", [bin.id])).rows,
    ).toHaveLength(3);

    expect((await del(`/api/bins/${bin.id}/deliveries/${ids[0]}`, bin.ownerToken)).status).toBe(
      204,
    );
    expect(
      (await db.query("SELECT id FROM deliveries WHERE bin_id = $1", [bin.id])).rows,
    ).toHaveLength(2);
    expect((await del(`/api/bins/${bin.id}/deliveries/${ids[0]}`, bin.ownerToken)).status).toBe(
      404,
    );
    expect((await del(`/api/bins/${bin.id}/deliveries`, bin.ownerToken)).status).toBe(204);
    expect(
      (await db.query("SELECT id FROM deliveries WHERE bin_id = $1", [bin.id])).rows,
    ).toHaveLength(0);
    expect((await del(`/api/bins/${bin.id}`, bin.ownerToken)).status).toBe(204);
    expect((await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).status).toBe(404);
  });
});
