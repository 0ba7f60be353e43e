import { createServer, type IncomingMessage } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createBodyBudget } from "@/lib/capture/create-body-budget";
import { createSlowBodyGuard } from "@/lib/capture/create-slow-body-guard";
import { readBodyBounded } from "@/lib/capture/read-body-bounded";

// A stand-in for IncomingMessage: a readable stream with headers (same events: data, end,
// error, close, and pause/resume).
function fakeRequest(headers: Record<string, string>) {
  const stream = new Readable({ read() {} });
  return Object.assign(stream, { headers }) as unknown as IncomingMessage & Readable;
}

function setup({ capacity = 1000, maxBody = 100, perClient = 1000 } = {}) {
  let time = 0;
  const budget = createBodyBudget({ capacity, maxBodyBytes: maxBody, perClientBytes: perClient });
  const guard = createSlowBodyGuard({ minBytesPerSecond: 10, graceMs: 1000, now: () => time });
  return { budget, guard, advance: (ms: number) => (time += ms) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("readBodyBounded", () => {
  it("reads the body byte-exact and charges what arrived", async () => {
    const { budget, guard } = setup();
    const req = fakeRequest({ "content-length": "6" });
    const account = budget.open("a");
    const read = readBodyBounded({ req, limit: 100, account, guard });
    req.push(Buffer.from("abc"));
    req.push(Buffer.from("def"));
    req.push(null);
    await expect(read).resolves.toEqual({ ok: true, body: Buffer.from("abcdef") });
    expect(budget.inUse()).toBe(6);
    account.close();
    expect(budget.inUse()).toBe(0);
    expect(guard.size()).toBe(0);
  });

  it("settles at once for a request that was gone before it started", async () => {
    const { budget, guard } = setup();
    const req = fakeRequest({ "content-length": "10" });
    req.destroy();
    const account = budget.open("a");
    await expect(readBodyBounded({ req, limit: 100, account, guard })).resolves.toEqual({
      ok: false,
      reason: "aborted",
    });
    expect(guard.size()).toBe(0);
  });

  it("pauses a body whose chunk does not fit, resumes it when memory frees, and keeps it exact", async () => {
    // Capacity 30, lane 20: the shared zone is 10 bytes.
    const { budget, guard } = setup({ capacity: 30, maxBody: 20, perClient: 10 });
    const other = budget.open("b");
    expect(other.reserve(10, () => {})).toBe(true);
    expect(other.reserve(20, () => {})).toBe(true); // shared zone and lane both full
    const req = fakeRequest({ "content-length": "8" });
    const account = budget.open("a");
    const read = readBodyBounded({ req, limit: 20, account, guard });
    req.push(Buffer.from("1234"));
    await tick();
    expect(req.isPaused()).toBe(true);
    expect(budget.waiting()).toBe(1);
    req.push(Buffer.from("5678"));
    req.push(null);
    other.close();
    await expect(read).resolves.toEqual({ ok: true, body: Buffer.from("12345678") });
    account.close();
    expect(budget.inUse()).toBe(0);
  });

  it("a client that hangs up while paused settles as aborted and frees everything", async () => {
    const { budget, guard } = setup({ capacity: 30, maxBody: 20, perClient: 10 });
    const other = budget.open("b");
    expect(other.reserve(30, () => {})).toBe(true);
    const req = fakeRequest({ "transfer-encoding": "chunked" });
    const account = budget.open("a");
    const read = readBodyBounded({ req, limit: 20, account, guard });
    req.push(Buffer.from("xy"));
    await tick();
    expect(budget.waiting()).toBe(1);
    req.destroy();
    await expect(read).resolves.toEqual({ ok: false, reason: "aborted" });
    account.close();
    account.close();
    expect(budget.waiting()).toBe(0);
    other.close();
    expect(budget.inUse()).toBe(0);
  });

  it("stops at the limit (413) and cuts a body under the floor rate (408)", async () => {
    const { budget, guard, advance } = setup();
    const big = fakeRequest({ "transfer-encoding": "chunked" });
    const bigRead = readBodyBounded({ req: big, limit: 4, account: budget.open("a"), guard });
    big.push(Buffer.from("12345"));
    await expect(bigRead).resolves.toEqual({ ok: false, reason: "too_large" });

    const slow = fakeRequest({ "content-length": "100" });
    const account = budget.open("a");
    const slowRead = readBodyBounded({ req: slow, limit: 100, account, guard });
    slow.push(Buffer.from("a"));
    await tick();
    advance(2000);
    guard.check();
    await expect(slowRead).resolves.toEqual({ ok: false, reason: "too_slow" });
    account.close();
    expect(guard.size()).toBe(0);
  });
  it("settles a real request whose sender hangs up mid-body as aborted, and one read whole as ok", async () => {
    const { budget, guard } = setup({ capacity: 1000, maxBody: 100, perClient: 1000 });
    const reads: Array<Promise<unknown>> = [];
    const server = createServer((req, res) => {
      const account = budget.open("a");
      const read = readBodyBounded({ req, limit: 100, account, guard });
      reads.push(read.finally(() => account.close()));
      void read.then((result) => result.ok && res.end("ok"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // A node:http IncomingMessage, not a stand-in: its abort ("aborted", then "close") is
      // what the reader has to notice.
      const send = (text: string, hangUp: boolean) =>
        new Promise<string>((resolve) => {
          const socket = connect(port, "127.0.0.1", () => {
            socket.write(text);
            if (hangUp) setTimeout(() => socket.destroy(), 50);
          });
          let answer = "";
          socket.on("data", (chunk) => (answer += chunk.toString()));
          socket.on("close", () => resolve(answer));
          if (!hangUp) socket.on("data", () => socket.end());
        });
      const head = "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n";
      await send(`${head}abc`, true);
      await expect.poll(() => reads.length).toBe(1);
      await expect(reads[0]).resolves.toEqual({ ok: false, reason: "aborted" });
      expect(await send(`${head}abcdefghij`, false)).toMatch(/^HTTP\/1\.1 200/);
      await expect(reads[1]).resolves.toEqual({ ok: true, body: Buffer.from("abcdefghij") });
      expect(budget.inUse()).toBe(0);
      expect(guard.size()).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
