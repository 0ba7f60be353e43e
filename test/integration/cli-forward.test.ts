import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sendRawHttp } from "@/test/support/send-raw-http";
import { startTcpProxy } from "@/test/support/start-tcp-proxy";
import { startCliProcess, type CliRun } from "@/test/support/start-cli-process";
import { waitUntil } from "@/test/support/wait-until";
import { startTestServer, type TestServer } from "@/test/support/start-test-server";
import { findClosedPort } from "@/test/support/find-closed-port";
import { validateWebhook } from "@/test/support/validate-webhook";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/support/start-webhook-receiver";
import { HOP_BY_HOP_HEADERS } from "@/lib/payload/hop-by-hop-headers";

const databaseUrl = inject("databaseUrl");
const SECRET = "whsec_forward-test";
let server: TestServer;
const cleanups: Array<() => unknown> = [];

beforeAll(async () => {
  server = await startTestServer({ databaseUrl });
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await server?.stop();
});

function startCli(args: string[]): CliRun {
  return startCliProcess({ args, cleanups });
}

/** A local webhook receiver that records every request exactly as it arrived. */
async function startReceiver(): Promise<WebhookReceiver> {
  const receiver = await startWebhookReceiver({
    answer: () => ({
      status: 200,
      headers: { "Content-Type": "application/json" },
      body: '{"received":true}',
    }),
  });
  cleanups.push(receiver.close);
  return receiver;
}

/** What a forward must carry: the original headers in order, minus per-connection ones. */
function endToEnd(headers: Array<[string, string]>): Array<[string, string]> {
  const listed = new Set(
    headers
      .filter(([name]) => name.toLowerCase() === "connection")
      .flatMap(([, value]) => value.split(",").map((item) => item.trim().toLowerCase())),
  );
  return headers.filter(
    ([name]) => !HOP_BY_HOP_HEADERS.has(name.toLowerCase()) && !listed.has(name.toLowerCase()),
  );
}

async function createBin() {
  const response = await fetch(`${server.baseUrl}/api/bins`, { method: "POST" });
  return (await response.json()) as { id: string; viewUrl: string; echoUrl: string };
}

/** Sends exact bytes to the capture endpoint (header case, order and duplicates kept). */
async function capture(
  method: string,
  target: string,
  headers: Array<[string, string]>,
  body: Buffer,
): Promise<string> {
  const head = [
    `${method} ${target} HTTP/1.1`,
    ...headers.map(([name, value]) => `${name}: ${value}`),
    "",
    "",
  ].join("\r\n");
  const response = await sendRawHttp({
    port: server.port,
    data: Buffer.concat([Buffer.from(head, "latin1"), body]),
  });
  expect(response?.status).toBe(200);
  return (JSON.parse(response!.body.toString()) as { deliveryId: string }).deliveryId;
}

describe("webhook-echo forward", () => {
  it("re-sends deliveries byte-exact, keeps header order, and resumes after the stream drops", async () => {
    const bin = await createBin();
    const receiver = await startReceiver();
    const proxy = await startTcpProxy({ targetHost: "127.0.0.1", targetPort: server.port });
    cleanups.push(() => proxy.close());
    const cli = startCli([
      "forward",
      bin.viewUrl,
      "--to",
      `http://127.0.0.1:${receiver.port}/webhooks/analysis`,
      "--server",
      `http://127.0.0.1:${proxy.port}`,
    ]);
    await waitUntil(
      () => cli.stderr().includes("connected"),
      `the CLI to connect:\n${cli.stderr()}`,
    );

    const analysis = Buffer.from(
      JSON.stringify({ id: "a-1", object: "analysis", created: 1, status: "completed" }),
    );
    const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a, 0xff, 0xfe, 0x00, 0x80]);
    const host: [string, string] = ["Host", `127.0.0.1:${server.port}`];
    const sent: Array<{
      method: string;
      url: string;
      headers: Array<[string, string]>;
      body: Buffer;
    }> = [
      {
        method: "POST",
        url: "/webhooks/analysis",
        headers: [
          host,
          ["User-Agent", "CallCov-Webhooks/1.0"],
          ["Content-Type", "application/json"],
          ["X-CallCov-Signature", createHmac("sha256", SECRET).update(analysis).digest("hex")],
          ["Content-Length", String(analysis.length)],
          ["Connection", "close"],
        ],
        body: analysis,
      },
      {
        method: "PUT",
        url: "/webhooks/analysis/sub/dir?b=2&a=1&a=3",
        headers: [
          host,
          ["X-Dup", "one"],
          ["Content-Type", "application/octet-stream"],
          ["x-dup", "two"],
          ["Connection", "close, X-Hop"],
          ["X-Hop", "per-connection"],
          ["Keep-Alive", "timeout=5"],
          ["X-DUP", "three"],
          ["Content-Length", String(binary.length)],
        ],
        body: binary,
      },
      {
        method: "PATCH",
        url: "/webhooks/analysis/latin?q=%E9&empty=",
        headers: [
          host,
          ["Content-Type", "text/plain; charset=iso-8859-1"],
          ["X-Latin", "caf\u00e9"],
          ["Content-Length", String(latin1.length)],
          ["Connection", "close"],
        ],
        body: latin1,
      },
      {
        method: "GET",
        url: "/webhooks/analysis/ping",
        headers: [host, ["Accept", "*/*"], ["Connection", "close"]],
        body: Buffer.alloc(0),
      },
    ];
    const echoPaths = ["", "/sub/dir?b=2&a=1&a=3", "/latin?q=%E9&empty=", "/ping"];
    for (const [index, request] of sent.entries()) {
      await capture(
        request.method,
        `/echo/${bin.id}${echoPaths[index]}`,
        request.headers,
        request.body,
      );
    }
    await waitUntil(() => receiver.requests.length >= 4, "4 forwards");
    await waitUntil(() => cli.stdout().trim().split("\n").length >= 4, "4 lines");

    for (const [index, request] of sent.entries()) {
      const got = receiver.requests[index]!;
      expect(got.method).toBe(request.method);
      expect(got.url).toBe(request.url);
      expect(got.body.equals(request.body), `body of ${request.method}`).toBe(true);
      expect(endToEnd(got.headerPairs)).toEqual(endToEnd(request.headers));
      expect(got.headerPairs[0]).toEqual(["Host", `127.0.0.1:${receiver.port}`]);
    }
    expect(validateWebhook(receiver.requests[0]!, SECRET)).toBe(true);
    // The GET had no body and no framing header: none is invented.
    expect(receiver.requests[3]!.headerPairs.map(([name]) => name.toLowerCase())).not.toContain(
      "content-length",
    );
    const lines = cli.stdout().trim().split("\n");
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z POST \/webhooks\/analysis -> 200 \(\d+ ms\)$/,
    );
    expect(lines[1]).toMatch(/ PUT \/webhooks\/analysis\/sub\/dir\?b=2&a=1&a=3 -> 200 \(\d+ ms\)$/);

    // Cut the live stream, capture two deliveries meanwhile, and bring the stream back.
    await proxy.down();
    await waitUntil(() => cli.stderr().includes("stream lost"), "the CLI to notice the cut");
    const whileDown = ["missed-1", "missed-2"];
    for (const body of whileDown) {
      const response = await fetch(`${bin.echoUrl}/later`, { method: "POST", body });
      expect(response.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests).toHaveLength(4);
    await proxy.up();
    await waitUntil(() => receiver.requests.length >= 6, "the missed deliveries", 30_000);
    await waitUntil(() => cli.stderr().includes("reconnected"), "the reconnect message");
    // The server replays the seconds before Last-Event-ID again; none of it may be re-sent.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.requests.map((r) => r.body.toString())).toEqual([
      ...sent.map((r) => r.body.toString()),
      ...whileDown,
    ]);
    expect(receiver.requests.slice(4).map((r) => r.url)).toEqual([
      "/webhooks/analysis/later",
      "/webhooks/analysis/later",
    ]);

    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
    expect(cli.stderr()).toContain("stopped: 6 forwarded, 0 failed");
  });

  it("--replay-last N re-sends the newest N first, oldest first, then streams without doubles", async () => {
    const bin = await createBin();
    const receiver = await startReceiver();
    for (const n of [1, 2, 3]) {
      await fetch(`${bin.echoUrl}/deep/path?n=${n}`, { method: "POST", body: `existing-${n}` });
    }
    const cli = startCli([
      "forward",
      bin.echoUrl,
      "--to",
      `http://127.0.0.1:${receiver.port}/hook?token=t`,
      "--replay-last",
      "2",
      "--no-subpath",
    ]);
    await waitUntil(() => receiver.requests.length >= 2, "the replay");
    await waitUntil(() => cli.stderr().includes("connected"), "the CLI to connect");
    await fetch(`${bin.echoUrl}/deep/path?n=4`, { method: "POST", body: "new-4" });
    await waitUntil(() => receiver.requests.length >= 3, "the new delivery");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.requests.map((r) => [r.url, r.body.toString()])).toEqual([
      ["/hook?token=t&n=2", "existing-2"],
      ["/hook?token=t&n=3", "existing-3"],
      ["/hook?token=t&n=4", "new-4"],
    ]);
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
  });

  it("reports a target that does not answer and keeps going", async () => {
    const bin = await createBin();
    const port = await findClosedPort();
    const cli = startCli([
      "forward",
      bin.id,
      "--server",
      server.baseUrl,
      "--to",
      `http://127.0.0.1:${port}/`,
    ]);
    await waitUntil(() => cli.stderr().includes("connected"), "the CLI to connect");
    await fetch(bin.echoUrl, { method: "POST", body: "x" });
    await waitUntil(() => cli.stdout().includes("-> error:"), "the error line");
    expect(cli.stdout()).toMatch(/Z POST \/ -> error: ECONNREFUSED\n$/);
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
  });

  it("fails clearly on a bad URL, an unknown bin (3) and bad usage (2)", async () => {
    const to = ["--to", "http://127.0.0.1:9/"];
    const [badUrl, unknownBin, noTarget, unknownFlag, help] = await Promise.all(
      [
        ["forward", "not a bin!", ...to],
        ["forward", `${server.baseUrl}/view/no-such-bin-42`, ...to],
        ["forward", "some-bin"],
        ["forward", "some-bin", ...to, "--bogus"],
        ["forward", "--help"],
      ].map(async (args) => {
        const run = startCli(args);
        return { code: await run.exited, stdout: run.stdout(), stderr: run.stderr() };
      }),
    );
    expect(badUrl).toMatchObject({ code: 2 });
    expect(badUrl!.stderr).toMatch(/not a bin!.*neither a view URL, an echo URL nor a bin id/);
    expect(unknownBin).toMatchObject({ code: 3 });
    expect(unknownBin!.stderr).toContain('bin "no-such-bin-42" does not exist');
    expect(noTarget).toMatchObject({ code: 2 });
    expect(noTarget!.stderr).toContain("--to");
    expect(unknownFlag).toMatchObject({ code: 2 });
    expect(unknownFlag!.stderr).toContain("unknown option --bogus");
    expect(help).toMatchObject({ code: 0 });
    for (const flag of ["--to", "--server", "--replay-last", "--no-subpath"]) {
      expect(help!.stdout).toContain(flag);
    }
  });
});
