import { describe, expect, it } from "vitest";
import { openSseStream } from "@/test/support/read-sse-events";
import { setupTestServer } from "@/test/support/setup-test-server";

const suite = setupTestServer();

interface Row {
  id: string;
  analysisId: string | null;
  analysisStatus: string | null;
  analysisAgent: string | null;
  summaryField: { path: string; value: string } | null;
}

async function send(binId: string, body: string, contentType = "application/json") {
  const response = await fetch(`${suite.server.baseUrl}/echo/${binId}/hook`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveryId: string }).deliveryId;
}

async function listRows(binId: string): Promise<Map<string, Row>> {
  const response = await fetch(`${suite.server.baseUrl}/api/bins/${binId}/deliveries`);
  const page = (await response.json()) as { deliveries: Row[] };
  return new Map(page.deliveries.map((row) => [row.id, row]));
}

describe("what list rows carry to tell deliveries apart", () => {
  it("stores an analysis's status and agent at capture and lists them", async () => {
    const bin = await suite.createBin();
    const completed = await send(
      bin.id,
      JSON.stringify({
        id: "an_row_1",
        object: "analysis",
        status: "completed",
        call: { agent_id: "agent_007" },
        results: {},
      }),
    );
    const failed = await send(
      bin.id,
      JSON.stringify({ id: "an_row_2", object: "analysis", status: "failed", error_message: "x" }),
    );
    const plain = await send(bin.id, "hello", "text/plain");
    const rows = await listRows(bin.id);
    expect(rows.get(completed)).toMatchObject({
      analysisId: "an_row_1",
      analysisStatus: "completed",
      analysisAgent: "agent_007",
      summaryField: null,
    });
    expect(rows.get(failed)).toMatchObject({ analysisStatus: "failed", analysisAgent: null });
    expect(rows.get(plain)).toMatchObject({ analysisStatus: null, analysisAgent: null });
    const { rows: stored } = await suite.db.query<{
      analysis_status: string;
      analysis_agent: string;
    }>("SELECT analysis_status, analysis_agent FROM deliveries WHERE id = $1", [completed]);
    expect(stored[0]).toEqual({ analysis_status: "completed", analysis_agent: "agent_007" });
  });

  it("shows the owner's summary field for JSON rows, read from small bodies only", async () => {
    const bin = await suite.createBin();
    const charge = await send(bin.id, JSON.stringify({ event: { type: "charge.succeeded" } }));
    const nested = await send(bin.id, JSON.stringify({ event: { type: { id: 7 } } }));
    const missing = await send(bin.id, JSON.stringify({ other: 1 }));
    const text = await send(bin.id, "event.type=x", "text/plain");
    const huge = await send(
      bin.id,
      JSON.stringify({ event: { type: "too big" }, pad: "x".repeat(70 * 1024) }),
    );
    const analysis = await send(
      bin.id,
      JSON.stringify({
        id: "an_s",
        object: "analysis",
        status: "completed",
        event: { type: "no" },
      }),
    );
    // Nothing before the owner sets it.
    expect((await listRows(bin.id)).get(charge)?.summaryField).toBeNull();

    const saved = await suite.putSettings(bin.id, { summaryField: "event.type" }, bin.ownerToken);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ summaryField: "event.type" });
    const publicBin = await (await fetch(`${suite.server.baseUrl}/api/bins/${bin.id}`)).json();
    expect(publicBin.summaryField).toBe("event.type");

    const rows = await listRows(bin.id);
    expect(rows.get(charge)?.summaryField).toEqual({
      path: "event.type",
      value: "charge.succeeded",
    });
    expect(rows.get(nested)?.summaryField).toEqual({ path: "event.type", value: '{"id":7}' });
    for (const id of [missing, text, huge, analysis]) expect(rows.get(id)?.summaryField).toBeNull();

    // Other settings saved later keep it; null removes it.
    await suite.putSettings(bin.id, { failFirst: { count: 1 } }, bin.ownerToken);
    expect((await listRows(bin.id)).get(charge)?.summaryField?.value).toBe("charge.succeeded");
    await suite.putSettings(bin.id, { summaryField: null }, bin.ownerToken);
    expect((await listRows(bin.id)).get(charge)?.summaryField).toBeNull();
  });

  it("reads at most 1 MiB of bodies for one page, whatever the page size", async () => {
    const bin = await suite.createBin();
    const ids: string[] = [];
    // 20 bodies of 60 KiB: each under the per-body bound, 1.2 MiB together.
    for (let i = 0; i < 20; i++) {
      ids.push(await send(bin.id, JSON.stringify({ n: i, pad: "x".repeat(60 * 1024) })));
    }
    await suite.putSettings(bin.id, { summaryField: "n" }, bin.ownerToken);
    const rows = await listRows(bin.id);
    const shown = ids.filter((id) => rows.get(id)?.summaryField !== null);
    // Newest first: the 17 newest fit in 1 MiB, the 3 oldest show none.
    expect(shown).toEqual(ids.slice(3));
  });

  it("refuses summary fields that are not dot paths, and anyone but the owner", async () => {
    const bin = await suite.createBin();
    for (const summaryField of ["", "a..b", ".a", "a b", "x".repeat(201), 42]) {
      const response = await suite.putSettings(bin.id, { summaryField }, bin.ownerToken);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toBeTruthy();
    }
    expect((await suite.putSettings(bin.id, { summaryField: "event.type" })).status).toBe(401);
  });

  it("never follows inherited keys: __proto__ paths read nothing and pollute nothing", async () => {
    const bin = await suite.createBin();
    const id = await send(bin.id, '{"__proto__":{"polluted":"yes"},"constructor":{"x":1}}');
    expect(
      (await suite.putSettings(bin.id, { summaryField: "__proto__.polluted" }, bin.ownerToken))
        .status,
    ).toBe(200);
    // JSON.parse keeps "__proto__" as an own key: its value is shown as text, nothing else.
    expect((await listRows(bin.id)).get(id)?.summaryField?.value).toBe("yes");
    await suite.putSettings(bin.id, { summaryField: "constructor.name" }, bin.ownerToken);
    expect((await listRows(bin.id)).get(id)?.summaryField).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps every read of the bin working after a sender posts a nesting bomb", async () => {
    const bin = await suite.createBin();
    expect((await suite.putSettings(bin.id, { summaryField: "a" }, bin.ownerToken)).status).toBe(
      200,
    );
    const base = `${suite.server.baseUrl}/api/bins/${bin.id}`;
    const first = await send(bin.id, '{"a":"before"}');
    const stream = await openSseStream(`${base}/events`);
    try {
      await stream.waitFor((event) => event.event === "ready");
      // Under the 64 KiB summary bound, 30,000 levels deep: the summary's JSON.stringify overflowed.
      const nest = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
      const deep = await send(bin.id, `{"a":${nest(30_000)}}`);
      const live = await stream.waitFor((event) => event.id === deep);
      expect(JSON.parse(live.data)).toMatchObject({ id: deep, summaryField: null });
      const later = await send(bin.id, '{"a":"after"}');
      await stream.waitFor((event) => event.id === later);

      const rows = await listRows(bin.id);
      expect(rows.get(deep)?.summaryField).toBeNull();
      expect(rows.get(later)?.summaryField).toEqual({ path: "a", value: "after" });

      const detail = await fetch(`${base}/deliveries/${deep}`);
      expect(detail.status).toBe(200);
      expect(await detail.json()).toMatchObject({ id: deep, summaryField: null });

      const waited = await fetch(`${base}/deliveries/wait?after=${first}&timeout=5`);
      expect(waited.status).toBe(200);
      expect(((await waited.json()) as { delivery: { id: string } }).delivery.id).toBe(deep);

      for (const page of [`/view/${bin.id}`, `/view/${bin.id}/${deep}`]) {
        expect((await fetch(`${suite.server.baseUrl}${page}`)).status).toBe(200);
      }
    } finally {
      stream.close();
    }
  });
});
