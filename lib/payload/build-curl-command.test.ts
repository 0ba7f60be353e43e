import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { buildCurlCommand } from "@/lib/payload/build-curl-command";
import { HOP_BY_HOP_HEADERS } from "@/lib/payload/hop-by-hop-headers";
import type { CapturedRequest } from "@/lib/payload/captured-request";
import { buildCapturedRequest } from "@/test/support/build-captured-request";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/support/start-webhook-receiver";

const execFileAsync = promisify(execFile);
const encoder = new TextEncoder();
const allBytes = Uint8Array.from({ length: 256 }, (_, index) => index);

const curlAvailable = (() => {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const captured = buildCapturedRequest;

interface Received {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: Uint8Array;
}

describe("buildCurlCommand", () => {
  describe("command text", () => {
    it("builds a readable multi-line command", () => {
      const { command, bodyFile } = buildCurlCommand({
        request: captured({
          headers: [
            ["Host", "echo.example"],
            ["Content-Type", "application/json"],
            ["User-Agent", "Stripe/1.0"],
            ["Accept", "*/*"],
            ["Content-Length", "7"],
          ],
          body: encoder.encode('{"a":1}'),
        }),
        url: "https://target.example/hook?x=1",
      });
      expect(command).toBe(
        [
          "curl -X POST 'https://target.example/hook?x=1'",
          "-H 'Content-Type: application/json'",
          "-H 'User-Agent: Stripe/1.0'",
          "-H 'Accept: */*'",
          `--data-binary '{"a":1}'`,
        ].join(" \\\n  "),
      );
      expect(bodyFile).toBeNull();
    });

    it("quotes methods, URLs and headers against injection", () => {
      const { command } = buildCurlCommand({
        request: captured({ method: "X;rm", headers: [["X-A", "it's $(id)"]] }),
        url: "http://h/'$(id)'",
      });
      expect(command).toContain("-X 'X;rm'");
      expect(command).toContain(`'http://h/'\\''$(id)'\\'''`);
      expect(command).toContain(`-H 'X-A: it'\\''s $(id)'`);
    });

    it("uses ANSI-C quoting for control characters", () => {
      const { command } = buildCurlCommand({
        request: captured({ body: encoder.encode("a\tb\r\n'\\\u001b1") }),
        url: "http://h/",
      });
      expect(command).toContain(String.raw`--data-binary $'a\tb\r\n\'\\\x1b1'`);
    });

    it("skips hop-by-hop headers, headers named by Connection and unrepresentable headers", () => {
      const { command } = buildCurlCommand({
        request: captured({
          method: "GET",
          headers: [
            ["Connection", "keep-alive, X-Hop"],
            ["X-Hop", "1"],
            ["Keep-Alive", "timeout=5"],
            ["TE", "trailers"],
            ["Upgrade", "h2c"],
            ["Proxy-Connection", "close"],
            ["Trailer", "X-Sum"],
            ["@file", "x"],
            ["X-Bad", "a\r\nInjected: 1"],
            ["X-Kept", "yes"],
          ],
        }),
        url: "http://h/",
      });
      expect(command).toBe(
        ["curl -X GET 'http://h/'", "-H 'X-Kept: yes'", "-H 'User-Agent:'", "-H 'Accept:'"].join(
          " \\\n  ",
        ),
      );
    });

    it("adds --globoff, --path-as-is and --url only when needed", () => {
      const plain = buildCurlCommand({
        request: captured({}),
        url: "http://h/a.b/c?x=../y",
      }).command;
      expect(plain).not.toMatch(/--globoff|--path-as-is|--url/);
      const odd = buildCurlCommand({
        request: captured({}),
        url: "http://h/a/../b?f[x]={y}",
      }).command;
      expect(odd).toContain("--globoff --path-as-is 'http://h/a/../b?f[x]={y}'");
      expect(buildCurlCommand({ request: captured({}), url: "-K/etc/x" }).command).toContain(
        "--url '-K/etc/x'",
      );
    });

    it("uses --head instead of -X HEAD", () => {
      const { command } = buildCurlCommand({
        request: captured({ method: "HEAD" }),
        url: "http://h/",
      });
      expect(command.split(" \\\n  ")[0]).toBe("curl --head 'http://h/'");
    });
  });

  describe.skipIf(!curlAvailable)("replayed against a real server", () => {
    let receiver: WebhookReceiver;
    let baseUrl: string;
    let workDir: string;

    beforeAll(async () => {
      receiver = await startWebhookReceiver();
      baseUrl = receiver.url;
      workDir = await mkdtemp(join(tmpdir(), "curl-command-"));
    });

    afterAll(async () => {
      await receiver.close();
      await rm(workDir, { recursive: true, force: true });
    });

    beforeEach(() => {
      receiver.requests.length = 0;
    });

    async function replay(request: CapturedRequest): Promise<Received> {
      const target = `${baseUrl}${request.path}${request.query === "" ? "" : `?${request.query}`}`;
      const { command, bodyFile } = buildCurlCommand({ request, url: target });
      if (bodyFile !== null) await writeFile(join(workDir, bodyFile.name), bodyFile.bytes);
      await execFileAsync("bash", ["-c", `${command} --silent --show-error --output /dev/null`], {
        cwd: workDir,
      });
      expect(receiver.requests).toHaveLength(1);
      const [got] = receiver.requests;
      if (got === undefined) throw new Error("no request received");
      return {
        method: got.method,
        url: got.url,
        // Node reads header bytes as Latin-1; undo that to compare UTF-8 values.
        headers: got.headerPairs.map(([name, value]) => [
          name,
          Buffer.from(value, "latin1").toString("utf8"),
        ]),
        body: new Uint8Array(got.body),
      };
    }

    function endToEndHeaders(headers: ReadonlyArray<readonly [string, string]>) {
      const connectionListed = headers
        .filter(([name]) => name.toLowerCase() === "connection")
        .flatMap(([, value]) => value.split(",").map((item) => item.trim().toLowerCase()));
      return headers.filter(([name]) => {
        const lower = name.toLowerCase();
        return !HOP_BY_HOP_HEADERS.has(lower) && !connectionListed.includes(lower);
      });
    }

    async function expectExactReplay(request: CapturedRequest) {
      const result = await replay(request);
      expect(result.method).toBe(request.method);
      expect(result.url).toBe(`${request.path}${request.query === "" ? "" : `?${request.query}`}`);
      expect(result.headers.map(([name, value]) => [name, value])).toEqual(
        [["Host", new URL(baseUrl).host], ...endToEndHeaders(request.headers)].concat(
          result.headers.some(([name]) => name === "Content-Length")
            ? [["Content-Length", String(request.body.length)]]
            : [],
        ),
      );
      expect(result.body).toEqual(request.body);
      return result;
    }

    it("replays a text body with quotes, newlines, unicode and shell metacharacters", async () => {
      const text = `{"msg":"it's \\"quoted\\"\\n$(touch pwned) \`touch pwned\` !! \\\\ é € 😀"}\n\n  line 2\r\n`;
      const request = captured({
        path: "/webhooks/analysis",
        query: "a=1&b=%20x&c",
        headers: [
          ["Host", "echo.example"],
          ["Content-Type", "application/json; charset=utf-8"],
          ["User-Agent", "GitHub-Hookshot/abc"],
          ["Accept", "*/*"],
          ["X-Quote", `it's "quoted"; $HOME`],
          ["X-Inject", "$(touch pwned) `touch pwned` ' \" \\"],
          ["X-Dup", "one"],
          ["X-Dup", "two"],
          ["X-Empty", ""],
          ["X-Unicode", "café €"],
          ["Content-Length", "999"],
          ["Connection", "keep-alive"],
        ],
        body: encoder.encode(text),
      });
      expect(buildCurlCommand({ request, url: baseUrl }).bodyFile).toBeNull();
      await expectExactReplay(request);
      expect(existsSync(join(workDir, "pwned"))).toBe(false);
    });

    it("replays text containing control characters through $'...' quoting", async () => {
      await expectExactReplay(
        captured({
          headers: [["Content-Type", "text/plain"]],
          body: encoder.encode(
            "tab\there\r\nbell\u0007 esc\u001b[0m del\u007f back\\slash '1' \u00018",
          ),
        }),
      );
    });

    it("replays a binary body via the downloadable body file", async () => {
      const body = new Uint8Array([...allBytes, 0x00, 0x0d, 0x0a, ...allBytes.toReversed()]);
      const request = captured({ headers: [["Content-Type", "application/octet-stream"]], body });
      const { command, bodyFile } = buildCurlCommand({ request, url: baseUrl });
      expect(command).toContain("--data-binary @body.bin");
      expect(bodyFile?.name).toBe("body.bin");
      expect(bodyFile?.bytes).toEqual(body);
      await expectExactReplay(request);
    });

    it("replays UTF-8 with NUL bytes via the body file", async () => {
      const request = captured({ body: encoder.encode("a\u0000b") });
      expect(buildCurlCommand({ request, url: baseUrl }).bodyFile).not.toBeNull();
      await expectExactReplay(request);
    });

    it("replays a body starting with @ without reading a file", async () => {
      await writeFile(join(workDir, "secret"), "do not send");
      const request = captured({ body: encoder.encode("@secret") });
      expect(buildCurlCommand({ request, url: baseUrl }).command).toContain("--data-raw '@secret'");
      await expectExactReplay(request);
    });

    it("moves text bodies too large for one shell argument into the body file", async () => {
      const body = encoder.encode("x".repeat(200_000) + "\n'end'");
      const request = captured({ headers: [["Content-Type", "text/plain"]], body });
      expect(buildCurlCommand({ request, url: baseUrl }).bodyFile?.bytes).toEqual(body);
      await expectExactReplay(request);
    });

    it("replays a GET without adding curl's default headers", async () => {
      const result = await expectExactReplay(
        captured({ method: "GET", headers: [["X-Only", "1"]] }),
      );
      expect(result.headers.map(([name]) => name)).toEqual(["Host", "X-Only"]);
    });

    it("replays HEAD and a GET with a body", async () => {
      await expectExactReplay(captured({ method: "HEAD", headers: [["Accept", "*/*"]] }));
      receiver.requests.length = 0;
      await expectExactReplay(captured({ method: "GET", body: encoder.encode("q=1") }));
    });

    it("replays an explicitly empty POST body with Content-Length: 0", async () => {
      const result = await expectExactReplay(
        captured({ headers: [["Content-Length", "0"]], body: new Uint8Array() }),
      );
      expect(result.headers).toContainEqual(["Content-Length", "0"]);
    });

    it("replays paths and queries byte-exact, including globs and dot segments", async () => {
      await expectExactReplay(
        captured({
          method: "PUT",
          path: "/a/../b/./c%2F%20d",
          query: "filter[name]={x}&q=a+b&pct=%ZZ&semi=;",
        }),
      );
    });

    it("replays bodies above curl's Expect threshold without Expect: 100-continue", async () => {
      const body = encoder.encode(JSON.stringify({ data: "y".repeat(4096) }));
      const result = await expectExactReplay(
        captured({ headers: [["Content-Type", "a/b"]], body }),
      );
      expect(result.headers.map(([name]) => name.toLowerCase())).not.toContain("expect");
    });
  });
});
