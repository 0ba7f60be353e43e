import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifySignature } from "@/lib/signatures/verify-signature";
import { findClosedPort } from "@/test/support/find-closed-port";
import { validateWebhook } from "@/test/support/validate-webhook";
import { startWebhookReceiver, type ReceivedRequest } from "@/test/support/start-webhook-receiver";

const root = path.resolve(import.meta.dirname, "..", "..");
const CLI = path.join(root, "scripts", "webhook-echo.mjs");
const SECRET = "whsec_send-test-42";
const cleanups: Array<() => unknown> = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Runs the real executable from another directory and collects its output. */
function runCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: os.tmpdir(),
    env: { ...process.env, CALLCOV_WEBHOOK_SECRET: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
}

/** A receiver answering each request with the next status of `statuses` (the last repeats). */
async function startReceiver(statuses: number[] = [200]) {
  const receiver = await startWebhookReceiver({
    answer: (_request, requests) => {
      const status = statuses[Math.min(requests.length - 1, statuses.length - 1)]!;
      return {
        status,
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ received: status < 300, attempt: requests.length }),
      };
    },
  });
  cleanups.push(receiver.close);
  return { url: `${receiver.url}/webhooks/analysis`, requests: receiver.requests };
}

function header(request: ReceivedRequest, name: string): string | undefined {
  return request.headerPairs.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

async function projectVerdict(request: ReceivedRequest, secret: string) {
  return verifySignature({
    headers: request.headerPairs,
    body: new Uint8Array(request.body),
    secret,
    now: () => new Date(),
  });
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };
function toMs(cell: string): number {
  const [value, unit] = cell.split(" ");
  return Number(value) * UNITS[unit!]!;
}

/** Rows of the summary table: attempt, schedule, scheduled wait, actual wait, result. */
function summaryRows(stdout: string): string[][] {
  const lines = stdout.split("\n");
  const start = lines.findIndex((line) => line.startsWith("attempt  "));
  return lines
    .slice(start + 1)
    .filter((line) => /^\d+ /.test(line))
    .map((line) => line.split(/ {2,}/));
}

describe("webhook-echo send", () => {
  it("posts a sample analysis signed exactly like the CallCov sender", async () => {
    const receiver = await startReceiver();
    const run = await runCli(["send", receiver.url, "--secret", SECRET]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^attempt 1 -> 200 OK \(\d+ ms\)\n\{"received":true,"attempt":1\}\n$/,
    );
    const [request] = receiver.requests;
    expect(request).toMatchObject({ method: "POST", url: "/webhooks/analysis" });
    expect(header(request!, "Content-Type")).toBe("application/json");
    expect(header(request!, "X-CallCov-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(validateWebhook(request!, SECRET)).toBe(true);
    expect(await projectVerdict(request!, SECRET)).toMatchObject({
      scheme: "callcov",
      status: "valid",
    });
    expect(validateWebhook(request!, "another secret")).toBe(false);
    const analysis = JSON.parse(request!.body.toString());
    expect(analysis).toMatchObject({ object: "analysis", status: "completed" });
    expect(analysis.results).toHaveProperty("compliance");
  });

  it("--status failed sends a failed analysis; the secret may come from the environment", async () => {
    const receiver = await startReceiver();
    const run = await runCli(["send", receiver.url, "--status", "failed"], {
      CALLCOV_WEBHOOK_SECRET: SECRET,
    });
    expect(run.code).toBe(0);
    const [request] = receiver.requests;
    const analysis = JSON.parse(request!.body.toString());
    expect(analysis).toMatchObject({ status: "failed", error_message: expect.any(String) });
    expect(analysis).not.toHaveProperty("results");
    expect(validateWebhook(request!, SECRET)).toBe(true);
    expect((await projectVerdict(request!, SECRET)).status).toBe("valid");
  });

  it("--file sends the file's bytes unchanged, signed over those bytes", async () => {
    const receiver = await startReceiver();
    const dir = await mkdtemp(path.join(os.tmpdir(), "webhook-echo-send-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const bytes = Buffer.concat([
      Buffer.from('{ "id" : "file-1",\r\n\t"status":"completed" ,"note":"caf'),
      Buffer.from([0xe9, 0xff, 0x00]),
      Buffer.from('"}\n\n'),
    ]);
    const file = path.join(dir, "analysis.json");
    await writeFile(file, bytes);
    const run = await runCli([
      "send",
      `${receiver.url}?src=file`,
      "--file",
      file,
      "--secret",
      SECRET,
    ]);
    expect(run.code).toBe(0);
    const [request] = receiver.requests;
    expect(request!.url).toBe("/webhooks/analysis?src=file");
    expect(request!.body.equals(bytes)).toBe(true);
    expect(header(request!, "Content-Length")).toBe(String(bytes.length));
    expect(validateWebhook(request!, SECRET)).toBe(true);
    expect((await projectVerdict(request!, SECRET)).status).toBe("valid");
  });

  it("sends unsigned without a secret and says so", async () => {
    const receiver = await startReceiver();
    const run = await runCli(["send", receiver.url]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("unsigned");
    expect(header(receiver.requests[0]!, "X-CallCov-Signature")).toBeUndefined();
  });

  it("--retries follows the documented schedule (scaled) until delivered", async () => {
    const receiver = await startReceiver([503, 500, 502, 200]);
    const run = await runCli([
      "send",
      receiver.url,
      "--secret",
      SECRET,
      "--retries",
      "--time-scale",
      "0.0005",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("delivered on attempt 4");
    expect(receiver.requests).toHaveLength(4);
    // Every retry is the same delivery: identical bytes, a valid signature each time.
    for (const request of receiver.requests) {
      expect(request.body.equals(receiver.requests[0]!.body)).toBe(true);
      expect(validateWebhook(request, SECRET)).toBe(true);
    }
    const rows = summaryRows(run.stdout);
    expect(rows.map((row) => [row[0], row[1], row[4]])).toEqual([
      ["1", "-", "503 Service Unavailable"],
      ["2", "1 min", "500 Internal Server Error"],
      ["3", "5 min", "502 Bad Gateway"],
      ["4", "15 min", "200 OK"],
    ]);
    const scheduled = rows.slice(1).map((row) => toMs(row[2]!));
    expect(scheduled[1]! / scheduled[0]!).toBeCloseTo(300 / 60);
    expect(scheduled[2]! / scheduled[1]!).toBeCloseTo(900 / 300);
    expect(scheduled[0]).toBeCloseTo(60_000 * 0.0005);
    for (const row of rows.slice(1)) {
      expect(toMs(row[3]!)).toBeGreaterThanOrEqual(toMs(row[2]!) * 0.9);
    }
    // The receiver sees the gaps grow as the schedule does.
    const at = receiver.requests.map((request) => request.at);
    expect(at[3]! - at[2]!).toBeGreaterThan(at[1]! - at[0]!);
  });

  it("--retries gives up after 5 retries with exit 1", async () => {
    const receiver = await startReceiver([500]);
    const run = await runCli(["send", receiver.url, "--retries", "--time-scale", "0.0001"]);
    expect(run.code).toBe(1);
    expect(receiver.requests).toHaveLength(6);
    expect(run.stdout).toContain("gave up after 5 retries");
    expect(summaryRows(run.stdout).map((row) => row[1])).toEqual([
      "-",
      "1 min",
      "5 min",
      "15 min",
      "1 h",
      "6 h",
    ]);
  });

  it("counts a refused connection as a failed attempt", async () => {
    const port = await findClosedPort();
    const run = await runCli([
      "send",
      `http://127.0.0.1:${port}/`,
      "--retries",
      "--time-scale",
      "0.00001",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("attempt 1 -> error: ECONNREFUSED");
    expect(summaryRows(run.stdout)).toHaveLength(6);
    expect(run.stdout).toContain("gave up after 5 retries");
  });

  it("--help documents every flag; bad usage exits 2", async () => {
    const [help, sendHelp, unknownFlag, badStatus, unknownCommand] = await Promise.all([
      runCli(["--help"]),
      runCli(["send", "--help"]),
      runCli(["send", "http://127.0.0.1:9/", "--nope"]),
      runCli(["send", "http://127.0.0.1:9/", "--status", "pending"]),
      runCli(["sned"]),
    ]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/forward/);
    expect(help.stdout).toMatch(/send/);
    expect(sendHelp.code).toBe(0);
    for (const flag of ["--secret", "--status", "--file", "--retries", "--time-scale"]) {
      expect(sendHelp.stdout).toContain(flag);
    }
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("unknown option --nope");
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain("--status must be completed or failed");
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('unknown command "sned"');
  });
});
