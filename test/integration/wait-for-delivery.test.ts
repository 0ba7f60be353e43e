import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/test/support/setup-test-server";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";

// Per-client caps small enough to reach; each test sends from its own (trusted) address.
const context = setupTestServer({
  env: {
    TRUST_PROXY: "true",
    MAX_LIVE_STREAMS_PER_CLIENT: "10",
    DATABASE_POOL_SIZE: "4",
  },
});

const NO_SUCH_BIN = "no-such-bin-for-waits";

async function capture(
  binId: string,
  options: { method?: string; path?: string; body?: string | Uint8Array<ArrayBuffer> } = {},
  baseUrl = context.server.baseUrl,
): Promise<string> {
  const response = await fetch(`${baseUrl}/echo/${binId}${options.path ?? ""}`, {
    method: options.method ?? "POST",
    body: options.body ?? "x",
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { deliveryId: string }).deliveryId;
}

function wait(
  binId: string,
  query: string,
  { ip = "192.0.2.1", signal, baseUrl = context.server.baseUrl } = {} as {
    ip?: string;
    signal?: AbortSignal;
    baseUrl?: string;
  },
): Promise<Response> {
  return fetch(`${baseUrl}/api/bins/${binId}/deliveries/wait?${query}`, {
    headers: { "X-Forwarded-For": ip },
    signal,
  });
}

async function waitedId(response: Response): Promise<string> {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return (JSON.parse(text) as { delivery: { id: string } }).delivery.id;
}

async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** 404 (a free slot, released at once) or 429 (every slot of this address held). */
async function probeSlots(ip: string): Promise<number> {
  const response = await wait(NO_SUCH_BIN, "timeout=1", { ip });
  await response.arrayBuffer();
  return response.status;
}

/** Keeps sending matching deliveries until the wait answers; returns what was sent. */
async function sendUntilAnswered(
  waiting: Promise<Response>,
  send: () => Promise<string>,
): Promise<{ response: Response; sent: string[] }> {
  const sent: string[] = [];
  let answered: Response | null = null;
  void waiting.then((response) => (answered = response));
  while (!answered) {
    sent.push(await send());
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { response: await waiting, sent };
}

describe("GET /api/bins/<id>/deliveries/wait", () => {
  it("answers 200 with the summary when a matching delivery arrives later, no-store", async () => {
    const bin = await context.createBin();
    const first = await capture(bin.id, { method: "POST" });
    const waiting = wait(bin.id, `after=${first}&method=PUT&timeout=30`);
    // Whether the PUT lands before or after the server took the wait, after=<first> finds it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await capture(bin.id, { method: "POST", path: "/not-this-one" });
    const put = await capture(bin.id, { method: "PUT", path: "/this-one?x=1" });
    const response = await waiting;
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { delivery: Record<string, unknown> };
    expect(body.delivery).toMatchObject({
      id: put,
      binId: bin.id,
      method: "PUT",
      path: "/this-one",
      query: "x=1",
      attempt: 1,
      isDuplicate: false,
    });
    expect(body.delivery.signature).toBeDefined();
    // The same summary the list returns.
    const list = await (
      await fetch(`${context.server.baseUrl}/api/bins/${bin.id}/deliveries`)
    ).json();
    expect(list.deliveries.find((d: { id: string }) => d.id === put)).toEqual(body.delivery);
  });

  it("after=<id> returns a match committed between that id and the call (no race)", async () => {
    const bin = await context.createBin();
    const sentBefore = await capture(bin.id, { body: "first" });
    const target = await capture(bin.id, { method: "PATCH" });
    await capture(bin.id, { method: "PATCH", path: "/later" });
    // The oldest match after the cursor, not the newest.
    expect(await waitedId(await wait(bin.id, `after=${sentBefore}&method=PATCH`))).toBe(target);
    expect(await waitedId(await wait(bin.id, `after=${sentBefore}`))).toBe(target);
  });

  it("answers 204 when the timeout passes first, no-store", async () => {
    const bin = await context.createBin();
    await capture(bin.id, { method: "POST" });
    const response = await wait(bin.id, "timeout=1&method=DELETE");
    expect(response.status).toBe(204);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("");
  });

  it("after=now (the default) ignores what is already there and answers with a new one", async () => {
    const bin = await context.createBin();
    const old = await capture(bin.id, { method: "POST" });
    expect((await wait(bin.id, "after=now&timeout=1")).status).toBe(204);
    expect((await wait(bin.id, "timeout=1")).status).toBe(204);
    const { response, sent } = await sendUntilAnswered(wait(bin.id, "after=now&timeout=30"), () =>
      capture(bin.id, { method: "POST" }),
    );
    const id = await waitedId(response);
    expect(sent).toContain(id);
    expect(id).not.toBe(old);
  });

  it("after=now waits for the first delivery of an empty bin", async () => {
    const bin = await context.createBin();
    const { response, sent } = await sendUntilAnswered(wait(bin.id, "timeout=30"), () =>
      capture(bin.id),
    );
    expect(sent).toContain(await waitedId(response));
  });

  it("answers 404 when the bin is deleted while the wait is held", async () => {
    const bin = await context.createBin();
    const first = await capture(bin.id);
    const waiting = wait(bin.id, `after=${first}&method=PUT&timeout=30`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const deleted = await fetch(`${context.server.baseUrl}/api/bins/${bin.id}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${bin.ownerToken}` },
    });
    expect(deleted.status).toBe(204);
    const response = await waiting;
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  });

  it("answers 404 for an unknown bin", async () => {
    const response = await wait(NO_SUCH_BIN, "timeout=1");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  });

  it.each([
    ["timeout=0", "timeout"],
    ["timeout=61", "timeout"],
    ["timeout=soon", "timeout"],
    ["after=yesterday", "after"],
    ["method=P%20UT", "method"],
    ["signature=maybe", "signature"],
    ["json=status", "json"],
    ["json=a..b%3D1", "json"],
    ["jsn=status%3Dcompleted", "jsn"],
    ["body=a%00b", "NUL"],
  ])("answers 400 with a clear JSON error for %s", async (query, mentions) => {
    const bin = await context.createBin();
    const response = await wait(bin.id, query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe("bad_request");
    expect(body.message).toContain(mentions);
  });

  it("answers 400 for a malformed bin id", async () => {
    const response = await wait("bad%20id!", "timeout=1");
    expect(response.status).toBe(400);
  });
});

describe("the json= filter, on the list and on the wait", () => {
  it("matches values at a dot path, as JSON scalars or strings, and skips non-JSON bodies", async () => {
    const bin = await context.createBin();
    const failed = await capture(bin.id, { body: JSON.stringify({ status: "failed", n: 3 }) });
    const completed = await capture(bin.id, {
      body: JSON.stringify({ status: "completed", n: "3", items: [{ ok: true }], gone: null }),
    });
    await capture(bin.id, { body: "status=completed" });
    await capture(bin.id, { body: new Uint8Array([0xff, 0xfe, 0x7b]) });
    await capture(bin.id, { body: '{"status": "completed", "broken": ' });
    const list = async (query: string) => {
      const response = await fetch(
        `${context.server.baseUrl}/api/bins/${bin.id}/deliveries?${query}`,
      );
      expect(response.status).toBe(200);
      const page = (await response.json()) as { deliveries: Array<{ id: string }> };
      return page.deliveries.map((d) => d.id);
    };
    const q = (text: string) => `json=${encodeURIComponent(text)}`;
    expect(await list(q("status=completed"))).toEqual([completed]);
    expect(await list(q('status="completed"'))).toEqual([completed]);
    expect(await list(q("n=3"))).toEqual([failed]);
    expect(await list(q('n="3"'))).toEqual([completed]);
    expect(await list(q("items.0.ok=true"))).toEqual([completed]);
    expect(await list(q("gone=null"))).toEqual([completed]);
    expect(await list(`${q("status=completed")}&${q("n=3")}`)).toEqual([]);
    expect(await list(`${q("status=failed")}&${q("n=3")}&method=post`)).toEqual([failed]);
    expect(await list(q("missing.path=1"))).toEqual([]);
    const bad = await fetch(
      `${context.server.baseUrl}/api/bins/${bin.id}/deliveries?${q("no-equals")}`,
    );
    expect(bad.status).toBe(400);

    const first = (await list("")).at(-1)!;
    expect(await waitedId(await wait(bin.id, `after=${first}&${q("status=completed")}`))).toBe(
      completed,
    );
    expect((await wait(bin.id, `after=${first}&${q("status=pending")}&timeout=1`)).status).toBe(
      204,
    );
  });
});

describe("held waits are bounded and released", () => {
  it("a client past its cap gets 429 with Retry-After; other clients are not affected", async () => {
    const bin = await context.createBin();
    const ip = "198.51.100.7";
    const controllers = Array.from({ length: 10 }, () => new AbortController());
    const held = controllers.map((controller) =>
      wait(bin.id, "timeout=60", { ip, signal: controller.signal }).catch(() => null),
    );
    const refused = await eventually(
      () => wait(bin.id, "timeout=1", { ip }),
      (response) => response.status === 429,
    );
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.json()).toMatchObject({ error: "rate_limited" });
    expect((await wait(bin.id, "timeout=1", { ip: "198.51.100.8" })).status).toBe(204);
    for (const controller of controllers) controller.abort();
    await Promise.all(held);
  });

  it("frees the slot of every aborted wait: 100 aborted, then all 10 slots work", async () => {
    const bin = await context.createBin();
    const ip = "203.0.113.9";
    for (let round = 0; round < 10; round++) {
      const controllers = Array.from({ length: 10 }, () => new AbortController());
      // A probe holds a slot for a moment too (it is taken before the bin is looked up): a wait
      // that arrives in that moment is refused 429, and is sent again so that ten end up held.
      const hold = async (signal: AbortSignal) => {
        for (;;) {
          const response = await wait(bin.id, "timeout=60", { ip, signal });
          if (response.status !== 429) return response;
          await response.arrayBuffer();
        }
      };
      const held = controllers.map((controller) => hold(controller.signal).catch(() => null));
      // All ten are held on the server...
      await eventually(
        () => probeSlots(ip),
        (status) => status === 429,
      );
      for (const controller of controllers) controller.abort();
      await Promise.all(held);
      // ...and hanging up gave every slot back: ten probes at once all find a free slot (one
      // probe would pass as soon as the first slot came back, and the next round would then
      // start with some of this round's slots still held).
      await eventually(
        () => Promise.all(Array.from({ length: 10 }, () => probeSlots(ip))),
        (statuses) => statuses.every((status) => status === 404),
      );
    }
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async () => (await wait(bin.id, "timeout=1", { ip })).status),
    );
    expect(statuses).toEqual(Array(10).fill(204));
  });

  it("holds no database connection while waiting: 30 waits on a pool of 4, the API still answers", async () => {
    const bin = await context.createBin();
    const first = await capture(bin.id);
    const ips = ["192.0.2.31", "192.0.2.32", "192.0.2.33"];
    const controllers: AbortController[] = [];
    const held = ips.flatMap((ip) =>
      Array.from({ length: 10 }, () => {
        const controller = new AbortController();
        controllers.push(controller);
        return wait(bin.id, `after=${first}&method=PUT&timeout=60`, {
          ip,
          signal: controller.signal,
        }).catch(() => null);
      }),
    );
    for (const ip of ips)
      await eventually(
        () => probeSlots(ip),
        (status) => status === 429,
      );
    const list = await fetch(`${context.server.baseUrl}/api/bins/${bin.id}/deliveries`);
    expect(list.status).toBe(200);
    // And every one of them answers when the match comes.
    const put = await capture(bin.id, { method: "PUT" });
    const answers = await Promise.all(held);
    for (const answer of answers) expect(await waitedId(answer!)).toBe(put);
    for (const controller of controllers) controller.abort();
  });
});

describe("across instances", () => {
  let other: TestServer;
  beforeAll(async () => {
    other = await startTestServer({ databaseUrl: context.databaseUrl });
  });
  afterAll(async () => {
    await other?.stop();
  });

  it("a wait on instance B answers with a delivery captured by instance A", async () => {
    const bin = await context.createBin();
    const { response, sent } = await sendUntilAnswered(
      wait(bin.id, "after=now&method=PUT&timeout=30", { baseUrl: other.baseUrl }),
      () => capture(bin.id, { method: "PUT" }, context.server.baseUrl),
    );
    expect(sent).toContain(await waitedId(response));

    const before = await capture(bin.id, { method: "POST" }, other.baseUrl);
    const waiting = wait(bin.id, `after=${before}&method=DELETE&timeout=30`, {
      baseUrl: other.baseUrl,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const deleted = await capture(bin.id, { method: "DELETE" }, context.server.baseUrl);
    expect(await waitedId(await waiting)).toBe(deleted);
  });
});
