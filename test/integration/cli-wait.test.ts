import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findClosedPort } from "@/test/support/find-closed-port";
import { runNodeProcess } from "@/test/support/run-node-process";
import { setupTestServer } from "@/test/support/setup-test-server";

const root = path.resolve(import.meta.dirname, "..", "..");
const CLI = path.join(root, "scripts", "webhook-echo.mjs");
const context = setupTestServer();

const cli = (...args: string[]) => runNodeProcess({ args: [CLI, ...args] });

async function capture(echoUrl: string, body: unknown, method = "POST", subpath = "") {
  const response = await fetch(`${echoUrl}${subpath}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return ((await response.json()) as { deliveryId: string }).deliveryId;
}

describe("webhook-echo create", () => {
  it("--json prints the new bin's id, URLs and owner token", async () => {
    const result = await cli("create", "--server", context.server.baseUrl, "--json");
    expect(result.code, result.stderr).toBe(0);
    const bin = JSON.parse(result.stdout) as Record<string, string>;
    expect(bin).toEqual({
      id: expect.any(String),
      echoUrl: `${context.server.baseUrl}/echo/${bin.id}`,
      viewUrl: `${context.server.baseUrl}/view/${bin.id}`,
      ownerToken: expect.any(String),
    });
    expect((await fetch(`${context.server.baseUrl}/api/bins/${bin.id}`)).status).toBe(200);
    // The token really owns the bin.
    const deleted = await fetch(`${context.server.baseUrl}/api/bins/${bin.id}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${bin.ownerToken}` },
    });
    expect(deleted.status).toBe(204);
  });

  it("prints labelled lines for a person, and exits 3 when the server is unreachable", async () => {
    const result = await cli("create", "--server", context.server.baseUrl);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Echo URL: +http:\/\/127\.0\.0\.1:\d+\/echo\/\S+$/m);
    expect(result.stdout).toMatch(/^Owner token: +\S+$/m);
    // Not a "bad" port such as 1, which fetch refuses before connecting.
    const closed = await findClosedPort();
    const down = await cli("create", "--server", `http://127.0.0.1:${closed}`);
    expect(down.code).toBe(3);
    expect(down.stderr).toContain(`cannot reach http://127.0.0.1:${closed}: ECONNREFUSED`);
  });
});

describe("webhook-echo wait", () => {
  it("create -> send -> wait --after start: prints the matching delivery as JSON, exits 0", async () => {
    const bin = await context.createBin();
    await capture(bin.echoUrl, { status: "failed" });
    const completed = await capture(bin.echoUrl, { status: "completed", n: 2 }, "POST", "/hooks");
    await capture(bin.echoUrl, { status: "completed", n: 3 });
    const result = await cli(
      "wait",
      bin.viewUrl,
      "--after",
      "start",
      "--match",
      "json.status=completed",
      "--match",
      "path=/hooks",
      "--json",
      "--timeout",
      "20s",
    );
    expect(result.code, result.stderr).toBe(0);
    const delivery = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(delivery).toMatchObject({
      id: completed,
      method: "POST",
      path: "/hooks",
      bodyText: JSON.stringify({ status: "completed", n: 2 }),
    });
    expect(delivery.headers).toContainEqual(["Content-Type", "application/json"]);
  });

  it("by default waits for a delivery that arrives after it started, and prints it readably", async () => {
    const bin = await context.createBin();
    const old = await capture(bin.echoUrl, { status: "completed" }, "PUT");
    const waiting = cli("wait", bin.echoUrl, "--method", "PUT", "--timeout", "30s");
    let done = false;
    void waiting.then(() => (done = true));
    const sent: string[] = [];
    // The CLI needs a moment to start: send until it has seen one (it ignores what came before).
    while (!done) {
      sent.push(
        await capture(bin.echoUrl, { status: "completed", seq: sent.length }, "PUT", "/x?y=1"),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const result = await waiting;
    expect(result.code, result.stderr).toBe(0);
    const id = /^Delivery: +(\S+)$/m.exec(result.stdout)?.[1];
    expect(sent).toContain(id);
    expect(id).not.toBe(old);
    expect(result.stdout).toMatch(/^PUT \/x\?y=1$/m);
    expect(result.stdout).toContain('"status": "completed"');
  });

  it("exits 1 with a clear message when nothing matches in time", async () => {
    const bin = await context.createBin();
    await capture(bin.echoUrl, { status: "failed" });
    const result = await cli(
      "wait",
      bin.id,
      "--server",
      context.server.baseUrl,
      "--after",
      "start",
      "--match",
      "json.status=completed",
      "--timeout",
      "1s",
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      `webhook-echo: wait: No delivery matching json=status=completed arrived in bin ${bin.id} within 1 s`,
    );
  });

  // 1 stays "the sender never delivered": a wrong server or bin must read differently in CI.
  it("exits 3 for an unknown bin", async () => {
    const result = await cli(
      "wait",
      "no-such-cli-bin",
      "--server",
      context.server.baseUrl,
      "--timeout",
      "1s",
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("Bin no-such-cli-bin not found (HTTP 404)");
  });

  it("exits 3 when the server cannot be reached", async () => {
    const closed = await findClosedPort();
    const result = await cli(
      "wait",
      "sendbin",
      "--server",
      `http://127.0.0.1:${closed}`,
      "--after",
      "start",
      "--timeout",
      "3s",
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`wait: cannot reach http://127.0.0.1:${closed}: ECONNREFUSED`);
  });

  it("exits 3 when the server answers with an error or an unexpected body", async () => {
    const answers = [
      { status: 500, body: '{"error":"internal","message":"Something broke"}' },
      { status: 200, body: '{"unexpected":true}' },
    ];
    for (const answer of answers) {
      const fake = createServer((_, res) => res.writeHead(answer.status).end(answer.body));
      await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
      const { port } = fake.address() as AddressInfo;
      try {
        const result = await cli(
          "wait",
          "some-bin",
          "--server",
          `http://127.0.0.1:${port}`,
          "--after",
          "start",
          "--timeout",
          "2s",
        );
        expect(result.code, result.stderr).toBe(3);
      } finally {
        await new Promise((resolve) => fake.close(resolve));
      }
    }
  });

  it.each([
    [[], "expects one view URL"],
    [["some-bin", "--timeout", "soon"], "--timeout"],
    [["some-bin", "--timeout", "0s"], "--timeout"],
    [["some-bin", "--match", "nope=1"], "--match nope=1"],
    [["some-bin", "--after", "yesterday"], "--after"],
    [["some-bin", "--bogus"], "unknown option --bogus"],
    [["https://example.com/not-a-bin"], "not a Webhook Echo view or echo URL"],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    const result = await cli("wait", ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("exits 2 when the server refuses the filters (400)", async () => {
    const bin = await context.createBin();
    const result = await cli(
      "wait",
      bin.viewUrl,
      "--match",
      "json.a..b=1",
      "--timeout",
      "1s",
      "--after",
      "start",
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("json");
  });
});
