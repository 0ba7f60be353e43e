import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findClosedPort } from "@/test/support/find-closed-port";
import { openSseStream } from "@/test/support/read-sse-events";
import { startCliProcess, type CliRun } from "@/test/support/start-cli-process";
import { waitUntil } from "@/test/support/wait-until";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";

// `webhook-echo forward --respond`: the real CLI process between two real instances on one
// database. Captures land on A; the forwarder's stream is on B.
const databaseUrl = inject("databaseUrl");
const MAX_ANSWER_BYTES = 4096;
let a: TestServer;
let b: TestServer;
const cleanups: Array<() => unknown> = [];

beforeAll(async () => {
  const env = { FORWARD_MAX_HELD_PER_BIN: "2", FORWARD_MAX_ANSWER_BYTES: String(MAX_ANSWER_BYTES) };
  [a, b] = await Promise.all([
    startTestServer({ databaseUrl, env }),
    startTestServer({ databaseUrl, env }),
  ]);
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await Promise.all([a?.stop(), b?.stop()]);
});

function startCli(args: string[]): CliRun {
  return startCliProcess({ args, cleanups });
}

interface LocalApp {
  url: string;
  /** Requests received so far (their bodies). */
  received: Buffer[];
}

/** The developer's local app: `answer` decides what (and when) it answers. */
async function startLocalApp(
  answer: (res: ServerResponse, req: IncomingMessage) => void,
): Promise<LocalApp> {
  const received: Buffer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push(Buffer.concat(chunks));
      answer(res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

interface Bin {
  id: string;
  ownerToken: string;
}

/** A bin on A whose own answer is 418 "configured", so a fallback is unmistakable. */
async function createBin(settings: Record<string, unknown> = {}): Promise<Bin> {
  const response = await fetch(`${a.baseUrl}/api/bins`, { method: "POST" });
  const bin = (await response.json()) as Bin;
  const saved = await fetch(`${a.baseUrl}/api/bins/${bin.id}/settings`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ response: { status: 418, body: "configured" }, ...settings }),
  });
  expect(saved.status).toBe(200);
  return bin;
}

/** `forward --respond` connected to B, once A knows (presence crosses instances by NOTIFY). */
async function startResponder(bin: Bin, to: string): Promise<CliRun> {
  const cli = startCli([
    "forward",
    bin.id,
    "--to",
    to,
    "--server",
    b.baseUrl,
    "--respond",
    "--token",
    bin.ownerToken,
  ]);
  await waitUntil(() => cli.stderr().includes("connected"), `the CLI to connect:\n${cli.stderr()}`);
  await waitUntil(async () => {
    const shown = await fetch(`${a.baseUrl}/api/bins/${bin.id}`);
    return ((await shown.json()) as { forwardResponding: boolean }).forwardResponding;
  }, "instance A to see the responder");
  return cli;
}

async function recorded(bin: Bin, deliveryId: string) {
  const response = await fetch(`${a.baseUrl}/api/bins/${bin.id}/deliveries/${deliveryId}`);
  return ((await response.json()) as { response: Record<string, unknown> }).response;
}

async function deliveryCount(bin: Bin): Promise<number> {
  const response = await fetch(`${a.baseUrl}/api/bins/${bin.id}/deliveries`);
  return ((await response.json()) as { deliveries: unknown[] }).deliveries.length;
}

function captureOnA(bin: Bin, body: string) {
  return fetch(`${a.baseUrl}/echo/${bin.id}/order`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
}

describe("webhook-echo forward --respond", () => {
  it("the local app's answer reaches the sender (capture on A, forwarder on B), minus refused headers", async () => {
    const bin = await createBin();
    const app = await startLocalApp((res) => {
      res.writeHead(201, [
        ["Content-Type", "application/json"],
        ["X-Local-App", "yes"],
        ["Set-Cookie", "session=stolen"],
        ["Location", "https://evil.example/"],
      ]);
      res.end('{"created":true}');
    });
    const cli = await startResponder(bin, app.url);

    const answer = await captureOnA(bin, '{"order":1}');
    expect(answer.status).toBe(201);
    expect(await answer.text()).toBe('{"created":true}');
    expect(answer.headers.get("x-local-app")).toBe("yes");
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.headers.get("set-cookie")).toBeNull();
    expect(answer.headers.get("location")).toBeNull();
    // Still our origin's answer: it can never run as a page.
    expect(answer.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(app.received.map(String)).toEqual(['{"order":1}']);

    const deliveryId = answer.headers.get("x-delivery-id")!;
    const response = await recorded(bin, deliveryId);
    expect(response).toMatchObject({
      reason: "forwarded",
      status: 201,
      headers: { "X-Local-App": "yes" },
      contentType: "application/json",
      body: '{"created":true}',
      bodyBase64: Buffer.from('{"created":true}').toString("base64"),
    });
    expect(response.forwardMessage).toMatch(/Set-Cookie.*Location/);
    await waitUntil(
      () => cli.stdout().includes("sender got 201"),
      `the CLI line:\n${cli.stdout()}`,
    );
    expect(cli.stdout()).toMatch(
      /POST \/hooks\/order -> 201 \(\d+ ms\); sender got 201 from the local app/,
    );
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
  });

  it("open views (on A) hear bin-changed when a responder (on B) connects and when it leaves", async () => {
    const bin = await createBin();
    const stream = await openSseStream(`${a.baseUrl}/api/bins/${bin.id}/events`);
    cleanups.push(() => stream.close());
    await stream.waitFor((event) => event.event === "ready");
    const changes = () => stream.events.filter((event) => event.event === "bin-changed").length;
    expect(changes()).toBe(0);

    const cli = await startResponder(bin, "http://127.0.0.1:9/hooks");
    await stream.waitFor((event) => event.event === "bin-changed");
    cli.child.kill("SIGINT");
    await cli.exited;
    await waitUntil(() => changes() >= 2, "a second bin-changed once the forwarder left");
    // What a view re-reads then.
    await waitUntil(async () => {
      const shown = await fetch(`${a.baseUrl}/api/bins/${bin.id}`);
      return !((await shown.json()) as { forwardResponding: boolean }).forwardResponding;
    }, "instance A to see the responder gone");
  });

  it("without a forwarder the bin's own answer comes at once, as before", async () => {
    const bin = await createBin();
    const answer = await captureOnA(bin, "{}");
    expect(answer.status).toBe(418);
    expect(await answer.text()).toBe("configured");
    expect(await recorded(bin, answer.headers.get("x-delivery-id")!)).toMatchObject({
      reason: "settings",
      status: 418,
    });
  });

  it("the local app down: the bin's own answer, and the delivery says why", async () => {
    const bin = await createBin();
    const cli = await startResponder(bin, `http://127.0.0.1:${await findClosedPort()}/hooks`);
    const answer = await captureOnA(bin, "{}");
    expect(answer.status).toBe(418);
    expect(await answer.text()).toBe("configured");
    const response = await recorded(bin, answer.headers.get("x-delivery-id")!);
    expect(response).toMatchObject({ reason: "forward_failed", status: 418, body: "configured" });
    expect(response.forwardMessage).toMatch(/ECONNREFUSED|refused/i);
    await waitUntil(() => cli.stdout().includes("own answer"), `the CLI line:\n${cli.stdout()}`);
    expect(cli.stdout()).toMatch(/-> error: .*; sender got the bin's own answer/);
  });

  it("a local app slower than respondTimeoutMs: the bin's own answer with forward_timeout", async () => {
    const bin = await createBin({ respondTimeoutMs: 300 });
    const late: ServerResponse[] = [];
    const app = await startLocalApp((res) => late.push(res));
    const cli = await startResponder(bin, app.url);
    const answer = await captureOnA(bin, "{}");
    expect(answer.status).toBe(418);
    const response = await recorded(bin, answer.headers.get("x-delivery-id")!);
    expect(response).toMatchObject({ reason: "forward_timeout", status: 418 });
    expect(response.forwardMessage).toContain("300 ms");
    // The late answer changes nothing and the CLI says so.
    await waitUntil(() => late.length === 1, "the local app to get the request");
    late[0]!.writeHead(200).end("too late");
    await waitUntil(() => cli.stdout().includes("too late"), `the CLI line:\n${cli.stdout()}`);
    expect(await recorded(bin, answer.headers.get("x-delivery-id")!)).toMatchObject({
      reason: "forward_timeout",
    });
  });

  it("a forwarder killed mid-hold releases the held capture at once (not at the timeout)", async () => {
    const bin = await createBin({ respondTimeoutMs: 29_000 });
    const app = await startLocalApp(() => {});
    const cli = await startResponder(bin, app.url);
    const pending = captureOnA(bin, "{}");
    await waitUntil(() => app.received.length === 1, "the local app to get the request");
    cli.child.kill("SIGKILL");
    const answer = await pending;
    expect(answer.status).toBe(418);
    // Released by the disconnect, not by the 29 s timeout.
    expect(await recorded(bin, answer.headers.get("x-delivery-id")!)).toMatchObject({
      reason: "forward_disconnected",
      status: 418,
    });
  });

  it("past the held-capture cap a capture is answered at once with forward_busy", async () => {
    const bin = await createBin({ respondTimeoutMs: 29_000 });
    const app = await startLocalApp(() => {});
    const cli = await startResponder(bin, app.url);
    const held = [captureOnA(bin, '{"n":1}'), captureOnA(bin, '{"n":2}')];
    // Both rows committed: both hold slots (FORWARD_MAX_HELD_PER_BIN=2) are taken.
    await waitUntil(async () => (await deliveryCount(bin)) === 2, "two held captures");
    const busy = await captureOnA(bin, '{"n":3}');
    expect(busy.status).toBe(418);
    expect(await recorded(bin, busy.headers.get("x-delivery-id")!)).toMatchObject({
      reason: "forward_busy",
    });
    cli.child.kill("SIGKILL");
    for (const answer of await Promise.all(held)) expect(answer.status).toBe(418);
  });

  it("a sender that hangs up mid-hold frees its slot and the delivery says so", async () => {
    const bin = await createBin({ respondTimeoutMs: 29_000 });
    const waiting: ServerResponse[] = [];
    let answerAtOnce = false;
    const app = await startLocalApp((res) =>
      answerAtOnce ? res.writeHead(200).end("fresh") : waiting.push(res),
    );
    await startResponder(bin, app.url);
    const senders = [new AbortController(), new AbortController()];
    const gone = senders.map((sender) =>
      fetch(`${a.baseUrl}/echo/${bin.id}/order`, {
        method: "POST",
        body: "{}",
        signal: sender.signal,
      }).catch(() => null),
    );
    await waitUntil(async () => (await deliveryCount(bin)) === 2, "two held captures");
    for (const sender of senders) sender.abort();
    await Promise.all(gone);
    const listed = await fetch(`${a.baseUrl}/api/bins/${bin.id}/deliveries`);
    const ids = ((await listed.json()) as { deliveries: Array<{ id: string }> }).deliveries.map(
      (delivery) => delivery.id,
    );
    for (const id of ids) {
      await waitUntil(
        async () => (await recorded(bin, id)).reason === "forward_failed",
        "the abandoned capture to be recorded",
      );
      expect((await recorded(bin, id)).forwardMessage).toMatch(/sender closed/);
    }
    // Both slots (FORWARD_MAX_HELD_PER_BIN=2) are free again: the next capture is held and
    // answered by the local app, not refused as busy.
    answerAtOnce = true;
    for (const res of waiting) res.writeHead(200).end("late");
    const next = await captureOnA(bin, "{}");
    expect(next.status).toBe(200);
    expect(await next.text()).toBe("fresh");
  });

  it("an answer body over FORWARD_MAX_ANSWER_BYTES is refused: the sender gets the bin's answer", async () => {
    const bin = await createBin();
    const app = await startLocalApp((res) =>
      res.writeHead(200).end("x".repeat(MAX_ANSWER_BYTES + 1)),
    );
    await startResponder(bin, app.url);
    const answer = await captureOnA(bin, "{}");
    expect(answer.status).toBe(418);
    const response = await recorded(bin, answer.headers.get("x-delivery-id")!);
    expect(response).toMatchObject({ reason: "forward_failed" });
    expect(response.forwardMessage).toMatch(/too large/);

    const direct = await fetch(
      `${b.baseUrl}/api/bins/${bin.id}/deliveries/${answer.headers.get("x-delivery-id")}/response`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          status: 200,
          headers: [],
          bodyBase64: Buffer.alloc(MAX_ANSWER_BYTES + 1).toString("base64"),
        }),
      },
    );
    expect(direct.status).toBe(413);
  });

  it("a viewer can neither register as responder nor post an answer; their forward holds nothing", async () => {
    const bin = await createBin();
    const stream = `${b.baseUrl}/api/bins/${bin.id}/events?respond=1`;
    expect((await fetch(stream)).status).toBe(401);
    expect((await fetch(stream, { headers: { Authorization: "Bearer nope" } })).status).toBe(403);

    const noToken = startCli(["forward", bin.id, "--to", "http://127.0.0.1:1/", "--respond"]);
    expect(await noToken.exited).toBe(2);
    const wrong = startCli([
      ...["forward", bin.id, "--to", "http://127.0.0.1:1/", "--server", b.baseUrl],
      ...["--respond", "--token", "not-the-owner"],
    ]);
    expect(await wrong.exited).toBe(3);
    expect(wrong.stderr()).toContain("--respond refused");

    // A viewer's plain forward works as before and holds nothing.
    const app = await startLocalApp((res) => res.writeHead(200).end("local"));
    const viewer = startCli(["forward", bin.id, "--to", app.url, "--server", b.baseUrl]);
    await waitUntil(() => viewer.stderr().includes("connected"), "the viewer's forward");
    const answer = await captureOnA(bin, "{}");
    expect(answer.status).toBe(418);
    const deliveryId = answer.headers.get("x-delivery-id")!;
    await waitUntil(() => app.received.length === 1, "the viewer's forward to arrive");
    expect(await recorded(bin, deliveryId)).toMatchObject({ reason: "settings" });

    const post = (headers: Record<string, string>) =>
      fetch(`${b.baseUrl}/api/bins/${bin.id}/deliveries/${deliveryId}/response`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ error: "x" }),
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ Authorization: "Bearer nope" })).status).toBe(403);
    // The owner is too late for a capture that was never held.
    expect((await post({ Authorization: `Bearer ${bin.ownerToken}` })).status).toBe(409);
  });

  // A refused header's name was recorded in the row's jsonb, which refuses a lone surrogate
  // (22P02: a 500, and the sender waited for the timeout); the error text went into it too.
  it("an answer carrying text PostgreSQL cannot store is a 400 naming it; the hold then takes a good one", async () => {
    const bin = await createBin();
    const responder = await openSseStream(`${b.baseUrl}/api/bins/${bin.id}/events?respond=1`, {
      Authorization: `Bearer ${bin.ownerToken}`,
    });
    cleanups.push(() => responder.close());
    expect(responder.status).toBe(200);
    await waitUntil(async () => {
      const shown = await fetch(`${a.baseUrl}/api/bins/${bin.id}`);
      return ((await shown.json()) as { forwardResponding: boolean }).forwardResponding;
    }, "instance A to see the responder");
    const held = captureOnA(bin, "{}");
    let deliveryId = "";
    await waitUntil(async () => {
      const list = await fetch(`${a.baseUrl}/api/bins/${bin.id}/deliveries`);
      deliveryId =
        ((await list.json()) as { deliveries: Array<{ id: string }> }).deliveries[0]?.id ?? "";
      return deliveryId !== "";
    }, "the held delivery");
    const post = (answer: unknown) =>
      fetch(`${b.baseUrl}/api/bins/${bin.id}/deliveries/${deliveryId}/response`, {
        method: "POST",
        headers: { Authorization: `Bearer ${bin.ownerToken}`, "Content-Type": "application/json" },
        body: JSON.stringify(answer),
      });
    for (const [answer, field] of [
      [{ status: 200, headers: [["\ud800", "x"]], bodyBase64: "" }, "headers.0.0"],
      [
        {
          status: 200,
          headers: [
            ["X-Ok", "1"],
            ["\u0000", "x"],
          ],
          bodyBase64: "",
        },
        "headers.1.0",
      ],
      [{ status: 200, headers: [["X-Ok", "a\udfffb"]], bodyBase64: "" }, "headers.0.1"],
      [{ error: "refused \ud800" }, "error"],
    ] as const) {
      const refused = await post(answer);
      expect(refused.status, JSON.stringify(answer)).toBe(400);
      const body = (await refused.json()) as { error: string; message: string };
      expect(body.error).toBe("bad_request");
      expect(body.message).toContain(`${field}: `);
    }
    const accepted = await post({
      status: 202,
      headers: [
        ["X-Ok", "1"],
        ["Set-Cookie", "a=b"],
      ],
      bodyBase64: Buffer.from("local 😀").toString("base64"),
    });
    expect(accepted.status).toBe(200);
    const answer = await held;
    expect(answer.status).toBe(202);
    expect(await answer.text()).toBe("local 😀");
    expect(await recorded(bin, deliveryId)).toMatchObject({
      reason: "forwarded",
      headers: { "X-Ok": "1" },
      forwardMessage: expect.stringContaining("Set-Cookie"),
    });
    expect(a.output() + b.output()).not.toMatch(/ error: /);
  });
});
