import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNodeProcess } from "@/test/support/run-node-process";
import { setupTestServer } from "@/test/support/setup-test-server";
import { startWebhookReceiver } from "@/test/support/start-webhook-receiver";

// The CLI for laptops that never cloned this repo (issue 17, part 5): served by the real server,
// run from empty folders (no node_modules, no tsx, no repo paths).
const context = setupTestServer();
const root = path.resolve(import.meta.dirname, "..", "..");
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "webhook-echo-cli-download-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function emptyDir(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  return dir;
}

/** A program's exit code and output; the environment without the npm_* of the test run. */
function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith("npm_")),
  ) as NodeJS.ProcessEnv;
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

const FILES = [
  { name: "webhook-echo.mjs", type: "text/javascript; charset=utf-8" },
  { name: "webhook-echo.tgz", type: "application/gzip" },
] as const;

describe.each(FILES)("/cli/$name", ({ name, type }) => {
  it("GET serves the build output with type, length, ETag and Cache-Control", async () => {
    const response = await fetch(`${context.server.baseUrl}/cli/${name}`);
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(await readFile(path.join(root, "dist", "cli", name)))).toBe(true);
    expect(response.headers.get("content-type")).toBe(type);
    expect(response.headers.get("content-length")).toBe(String(body.length));
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(response.headers.get("cache-control")).toBe("public, no-cache");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("HEAD answers the same headers without a body", async () => {
    const get = await fetch(`${context.server.baseUrl}/cli/${name}`);
    const size = (await get.arrayBuffer()).byteLength;
    const head = await fetch(`${context.server.baseUrl}/cli/${name}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe(type);
    expect(head.headers.get("content-length")).toBe(String(size));
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it("answers 304 to If-None-Match with its ETag, 200 to another", async () => {
    const { headers } = await fetch(`${context.server.baseUrl}/cli/${name}`, { method: "HEAD" });
    const etag = headers.get("etag")!;
    // fetch() adds "Cache-Control: no-cache" to conditional requests (an end-to-end reload,
    // always answered in full); a revalidating cache such as npm's or a browser's does not.
    const revalidated = await fetch(`${context.server.baseUrl}/cli/${name}`, {
      headers: { "If-None-Match": `"stale", ${etag}`, "Cache-Control": "max-age=0" },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(etag);
    expect((await revalidated.arrayBuffer()).byteLength).toBe(0);
    const changed = await fetch(`${context.server.baseUrl}/cli/${name}`, {
      headers: { "If-None-Match": '"from-an-older-build"', "Cache-Control": "max-age=0" },
    });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
  });
});

it("serves nothing else under /cli/ (no path tricks into the build folder)", async () => {
  for (const name of [
    "client.mjs",
    "..%2Fclient.mjs",
    "..%2F..%2Fpackage.json",
    "",
    "x.mjs",
    "tag/client.mjs",
    "a/b/webhook-echo.tgz",
    "bad.tag/webhook-echo.tgz",
  ]) {
    const response = await fetch(`${context.server.baseUrl}/cli/${name}`);
    expect(response.status, name).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  }
  // A query string, or a tag segment (the one-liners' cache-busting path), serves the same file.
  const stable = await fetch(`${context.server.baseUrl}/cli/webhook-echo.tgz`, { method: "HEAD" });
  for (const url of ["/cli/webhook-echo.tgz?v=1", "/cli/AnyTag_12-x/webhook-echo.tgz"]) {
    const response = await fetch(`${context.server.baseUrl}${url}`, { method: "HEAD" });
    expect(response.status, url).toBe(200);
    expect(response.headers.get("etag"), url).toBe(stable.headers.get("etag"));
  }
});

it("refuses other methods with 405 and an Allow header", async () => {
  const response = await fetch(`${context.server.baseUrl}/cli/webhook-echo.mjs`, {
    method: "POST",
    body: "x".repeat(100_000),
  });
  expect(response.status).toBe(405);
  expect(response.headers.get("allow")).toBe("GET, HEAD");
  expect(await response.json()).toMatchObject({ error: "method_not_allowed" });
});

describe("the single file, run with plain node from an empty folder", () => {
  let cli: string;
  beforeAll(async () => {
    const dir = await emptyDir("mjs");
    cli = path.join(dir, "webhook-echo.mjs");
    const response = await fetch(`${context.server.baseUrl}/cli/webhook-echo.mjs`);
    await writeFile(cli, Buffer.from(await response.arrayBuffer()));
  });

  it("starts with a shebang and prints the help listing every command", async () => {
    expect((await readFile(cli, "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
    const help = await runNodeProcess({ args: [cli, "--help"], cwd: path.dirname(cli) });
    expect(help.stderr).toBe("");
    expect(help.code).toBe(0);
    // Whatever lib/cli/run-cli.ts dispatches is in the bundle.
    const source = await readFile(path.join(root, "lib", "cli", "run-cli.ts"), "utf8");
    for (const [, command] of source.matchAll(/case "([a-z]+)":\s*\n\s*return await run/g)) {
      expect(help.stdout).toContain(`  ${command} `);
    }
  });

  it("creates a bin on the given server", async () => {
    const created = await runNodeProcess({
      args: [cli, "create", "--server", context.server.baseUrl, "--json"],
      cwd: path.dirname(cli),
    });
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const bin = JSON.parse(created.stdout) as { id: string; viewUrl: string };
    expect(bin.viewUrl).toBe(`${context.server.baseUrl}/view/${bin.id}`);
    expect((await fetch(`${context.server.baseUrl}/api/bins/${bin.id}`)).status).toBe(200);
  });

  it("forwards from a view URL alone (the server is the URL's origin)", async () => {
    const bin = await context.createBin();
    const receiver = await startWebhookReceiver();
    const child = spawn(
      process.execPath,
      [cli, "forward", bin.viewUrl, "--to", `${receiver.url}/webhooks`],
      { cwd: path.dirname(cli), stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      await expect.poll(() => stderr, { timeout: 20_000 }).toContain("connected");
      await fetch(`${bin.echoUrl}/hook`, { method: "POST", body: '{"hello":"laptop"}' });
      await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBe(1);
      expect(receiver.requests[0]!.url).toBe("/webhooks/hook");
      expect(receiver.requests[0]!.body.toString()).toBe('{"hello":"laptop"}');
    } finally {
      child.kill("SIGKILL");
      await receiver.close();
    }
  });
});

describe("the npm tarball", () => {
  it("has a package.json with a bin, the client, and no dependencies", async () => {
    const dir = await emptyDir("unpacked");
    const response = await fetch(`${context.server.baseUrl}/cli/webhook-echo.tgz`);
    await writeFile(path.join(dir, "p.tgz"), Buffer.from(await response.arrayBuffer()));
    const untar = await run("tar", ["xzf", "p.tgz"], dir);
    expect(untar.code).toBe(0);
    // Deterministic: fixed mtimes (npm pack's), so every build of the same sources is the same
    // bytes and every instance the same ETag.
    const listing = await run("tar", ["--list", "--verbose", "--full-time", "-zf", "p.tgz"], dir);
    const entries = listing.stdout.trim().split("\n");
    expect(entries.map((line) => line.split(/\s+/).at(-1)).sort()).toEqual([
      "package/client.d.ts",
      "package/client.mjs",
      "package/package.json",
      "package/webhook-echo.mjs",
    ]);
    for (const line of entries) expect(line).toContain("1985-10-26 08:15:00");
    const manifest = JSON.parse(
      await readFile(path.join(dir, "package", "package.json"), "utf8"),
    ) as Record<string, unknown>;
    expect(manifest.name).toBe("webhook-echo");
    expect(manifest.bin).toEqual({ "webhook-echo": "./webhook-echo.mjs" });
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.optionalDependencies).toBeUndefined();
    expect(manifest).toHaveProperty(["exports", "./client", "import"], "./client.mjs");
    await expect(readFile(path.join(dir, "package", "client.d.ts"), "utf8")).resolves.toContain(
      "createBin",
    );

    // The client runs from the unpacked package without any node_modules (zod is inside).
    const client = await runNodeProcess({
      args: [
        "--input-type=module",
        "-e",
        `const { createBin } = await import(${JSON.stringify(path.join(dir, "package", "client.mjs"))});
         const bin = await createBin({ server: process.argv[1] });
         console.log(bin.viewUrl);`,
        context.server.baseUrl,
      ],
      cwd: dir,
    });
    expect(client.stderr).toBe("");
    expect(client.stdout).toMatch(new RegExp(`^${context.server.baseUrl}/view/[\\w-]+\\n$`));
  });

  it("installs and runs with npm exec from an empty folder and an empty npm cache", async () => {
    const dir = await emptyDir("npx");
    const result = await run(
      "npm",
      [
        "exec",
        "--yes",
        "--cache",
        path.join(tmp, "npm-cache"),
        `--package=${context.server.baseUrl}/cli/webhook-echo.tgz`,
        "--",
        "webhook-echo",
        "create",
        "--server",
        context.server.baseUrl,
        "--json",
      ],
      dir,
    );
    expect(result.code, result.stderr).toBe(0);
    const bin = JSON.parse(result.stdout) as { id: string; echoUrl: string; ownerToken: string };
    expect(bin.echoUrl).toBe(`${context.server.baseUrl}/echo/${bin.id}`);
    expect(bin.ownerToken).toBeTruthy();
    expect((await fetch(`${context.server.baseUrl}/api/bins/${bin.id}`)).status).toBe(200);
  }, 120_000);
});
