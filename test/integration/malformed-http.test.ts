import { beforeAll, describe, expect, it } from "vitest";
import { sendRawHttp } from "@/test/support/send-raw-http";
import { setupTestServer } from "@/test/support/setup-test-server";
import net from "node:net";

const suite = setupTestServer({
  env: {
    HEADERS_TIMEOUT_MS: "1500",
    REQUEST_TIMEOUT_MS: "2500",
    RATE_LIMIT_IP_PER_MINUTE: "0",
    RATE_LIMIT_BIN_PER_MINUTE: "0",
  },
  resetEachTest: false,
});
const db = suite.db;

// Starts from empty tables: the test counts what it stored.
beforeAll(() => db.reset());

const head = (lines: string[]) => Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1");

/** Writes parts with pauses (slow clients), then reads until the server closes. */
function sendSlowly(parts: Buffer[], pauseMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(suite.server.port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => resolve(received));
    let i = 0;
    const writeNext = () => {
      if (i >= parts.length || socket.destroyed) return;
      socket.write(parts[i++]!);
      setTimeout(writeNext, pauseMs);
    };
    writeNext();
    setTimeout(() => socket.destroy(), 15_000);
  });
}

interface Case {
  name: string;
  data?: Buffer;
  slow?: { parts: Buffer[]; pauseMs: number };
  /** Expected: an HTTP status, or "close" for a clean close without an answer. */
  expect: number | "close" | Array<number | "close">;
  /** Whether a row may be stored (only for requests that are in fact well formed). */
  stores?: boolean;
}

const many = (count: number) => Array.from({ length: count }, (_, i) => `X-H-${i}: ${i}`);

const cases: Case[] = [
  {
    name: "invalid Content-Length",
    data: head(["POST /echo/mal HTTP/1.1", "Host: x", "Content-Length: abc", "Connection: close"]),
    expect: 400,
  },
  {
    name: "Content-Length and Transfer-Encoding together",
    data: Buffer.concat([
      head([
        "POST /echo/mal HTTP/1.1",
        "Host: x",
        "Content-Length: 5",
        "Transfer-Encoding: chunked",
        "Connection: close",
      ]),
      Buffer.from("0\r\n\r\n"),
    ]),
    expect: 400,
  },
  {
    name: "negative Content-Length",
    data: head(["POST /echo/mal HTTP/1.1", "Host: x", "Content-Length: -1", "Connection: close"]),
    expect: 400,
  },
  {
    name: "truncated body (client hangs up)",
    slow: {
      parts: [
        head(["POST /echo/mal HTTP/1.1", "Host: x", "Content-Length: 100"]),
        Buffer.from("only-part"),
      ],
      pauseMs: 50,
    },
    expect: ["close", 408],
  },
  {
    name: "bad chunked encoding",
    data: Buffer.concat([
      head([
        "POST /echo/mal HTTP/1.1",
        "Host: x",
        "Transfer-Encoding: chunked",
        "Connection: close",
      ]),
      Buffer.from("zz\r\nhello\r\n0\r\n\r\n"),
    ]),
    expect: 400,
  },
  {
    name: "slowloris headers",
    slow: {
      parts: [
        "POST /echo/mal HTTP/1.1\r\n",
        "Host: x\r\n",
        "X-A: 1\r\n",
        "X-B: 2\r\n",
        "X-C: 3\r\n",
        "X-D: 4\r\n",
      ].map((p) => Buffer.from(p)),
      pauseMs: 700,
    },
    expect: [408, "close"],
  },
  {
    name: "slow body",
    slow: {
      parts: [
        head(["POST /echo/mal HTTP/1.1", "Host: x", "Content-Length: 10"]),
        ...Array.from({ length: 10 }, () => Buffer.from("x")),
      ],
      pauseMs: 500,
    },
    expect: [408, "close"],
  },
  {
    name: "300 headers (over MAX_HEADER_COUNT)",
    data: head(["POST /echo/mal HTTP/1.1", "Host: x", ...many(300), "Connection: close"]),
    expect: 431,
  },
  {
    name: "headers over 16 KiB",
    data: head([
      "POST /echo/mal HTTP/1.1",
      "Host: x",
      `X-Big: ${"a".repeat(20_000)}`,
      "Connection: close",
    ]),
    expect: 431,
  },
  {
    name: "NUL byte in path",
    data: head(["POST /echo/mal/a\u0000b HTTP/1.1", "Host: x", "Connection: close"]),
    expect: 400,
  },
  {
    name: "control byte in header value",
    data: head(["POST /echo/mal HTTP/1.1", "Host: x", "X-Bad: a\u0001b", "Connection: close"]),
    expect: 400,
  },
  {
    name: "space in header name",
    data: head(["POST /echo/mal HTTP/1.1", "Host: x", "X Bad: 1", "Connection: close"]),
    expect: 400,
  },
  {
    name: "invalid percent-encoding in subpath (stored raw)",
    data: head([
      "POST /echo/mal/%ZZ/%E2%28 HTTP/1.1",
      "Host: x",
      "Content-Length: 0",
      "Connection: close",
    ]),
    expect: 200,
    stores: true,
  },
  {
    name: "invalid percent-encoding in id",
    data: head(["POST /echo/%ZZ HTTP/1.1", "Host: x", "Connection: close"]),
    expect: 400,
  },
  {
    name: "overlong id",
    data: head([`POST /echo/${"a".repeat(200)} HTTP/1.1`, "Host: x", "Connection: close"]),
    expect: 400,
  },
  {
    name: "request target over 8 KiB",
    data: head([`POST /echo/mal?${"q".repeat(9000)} HTTP/1.1`, "Host: x", "Connection: close"]),
    expect: 414,
  },
  {
    name: "non-UTF-8 bytes in path",
    data: Buffer.concat([
      Buffer.from("POST /echo/mal/"),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    ]),
    expect: [200, 400],
    stores: true,
  },
  {
    name: "non-UTF-8 header value and body (stored raw)",
    data: Buffer.concat([
      Buffer.from("POST /echo/mal HTTP/1.1\r\nHost: x\r\nX-Latin: caf"),
      Buffer.from([0xe9]),
      Buffer.from("\r\nContent-Length: 3\r\nConnection: close\r\n\r\n"),
      Buffer.from([0xc3, 0x28, 0xff]),
    ]),
    expect: 200,
    stores: true,
  },
  {
    name: "bogus Content-Encoding (stored raw, never decoded)",
    data: Buffer.concat([
      head([
        "POST /echo/mal HTTP/1.1",
        "Host: x",
        "Content-Encoding: gzip, br, x-bogus",
        "Content-Length: 9",
        "Connection: close",
      ]),
      Buffer.from("not-gzip!"),
    ]),
    expect: 200,
    stores: true,
  },
  {
    name: "garbage request line",
    data: Buffer.from("\u0016\u0003\u0001 TLS hello?\r\n\r\n", "latin1"),
    expect: 400,
  },
  {
    name: "HTTP/2 preface on plain HTTP/1",
    data: Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
    expect: [400, 505, "close"],
  },
  {
    name: "unknown HTTP version",
    data: head(["POST /echo/mal HTTP/9.9", "Host: x", "Connection: close"]),
    expect: [400, 505],
  },
];

describe("malformed HTTP corpus", () => {
  it("answers every case with a clear 4xx (or a clean close), never a 5xx or a crash, and stores nothing half-written", async () => {
    const table: Array<{ case: string; answer: string; ok: boolean }> = [];
    let allowedStores = 0;
    for (const testCase of cases) {
      let answer: number | "close";
      if (testCase.slow) {
        const raw = await sendSlowly(testCase.slow.parts, testCase.slow.pauseMs);
        answer = raw ? Number(raw.split(" ")[1]) : "close";
      } else {
        const response = await sendRawHttp({ port: suite.server.port, data: testCase.data! });
        answer = response ? response.status : "close";
      }
      const expected = Array.isArray(testCase.expect) ? testCase.expect : [testCase.expect];
      if (testCase.stores && answer === 200) allowedStores++;
      table.push({ case: testCase.name, answer: String(answer), ok: expected.includes(answer) });
    }
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM deliveries");
    console.log(
      "malformed HTTP outcomes:\n" +
        table
          .map((row) => `  ${row.ok ? "ok  " : "FAIL"} ${row.case.padEnd(52)} -> ${row.answer}`)
          .join("\n") +
        `\n  rows stored: ${rows[0]!.n} (well-formed cases answered 200: ${allowedStores})`,
    );
    expect(table.filter((row) => !row.ok)).toEqual([]);
    expect(table.some((row) => /^5/.test(row.answer))).toBe(false);
    expect(rows[0]!.n).toBe(allowedStores);
    // Still alive and serving.
    expect((await fetch(`${suite.server.baseUrl}/api/health`)).status).toBe(200);
    expect(
      (await fetch(`${suite.server.baseUrl}/echo/after-corpus`, { method: "POST", body: "ok" }))
        .status,
    ).toBe(200);
    expect(suite.server.process.exitCode).toBeNull();
  });
});

describe("requests Next would mishandle", () => {
  const raw = async (lines: string[], body = "") => {
    const response = await sendRawHttp({
      port: suite.server.port,
      data: Buffer.concat([head([...lines, "Connection: close"]), Buffer.from(body)]),
    });
    return response!;
  };
  const json = (response: { body: Buffer }) => JSON.parse(response.body.toString()) as unknown;

  it("answers a capture that asks to upgrade (curl --http2's h2c) as HTTP/1.1, after Next has served", async () => {
    // Next attached its own 'upgrade' listener to the server on its first request, after which
    // such captures hung unanswered and were never stored.
    expect((await fetch(`${suite.server.baseUrl}/api/health`)).status).toBe(200);
    const upgrade = [
      "Connection: Upgrade, HTTP2-Settings",
      "Upgrade: h2c",
      "HTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA",
    ];
    const capture = await raw(
      ["POST /echo/h2c-bin HTTP/1.1", "Host: x", "Content-Length: 5", ...upgrade],
      "hello",
    );
    expect(capture.status).toBe(200);
    const { deliveryId } = json(capture) as { deliveryId: string };
    const { rows } = await db.query<{ body: Buffer }>("SELECT body FROM deliveries WHERE id = $1", [
      deliveryId,
    ]);
    expect(rows[0]!.body.toString()).toBe("hello");
    const api = await raw(["GET /api/health HTTP/1.1", "Host: x", ...upgrade]);
    expect(api.status).toBe(200);
  });

  it.each([
    ["OPTIONS * HTTP/1.1", 400, "bad_request"],
    ["TRACE /api/bins/some-bin HTTP/1.1", 405, "method_not_allowed"],
    ["TRACE / HTTP/1.1", 405, "method_not_allowed"],
    ["GET /view/%zz HTTP/1.1", 400, "bad_request"],
    ["GET /api/bins/%FF/deliveries HTTP/1.1", 400, "bad_request"],
    ["GET /api/schemas/%ED%A0%80 HTTP/1.1", 400, "bad_request"],
    ["PATCH /api/bins HTTP/1.1", 405, "method_not_allowed"],
    ["POST /api/bins/some-bin/deliveries HTTP/1.1", 405, "method_not_allowed"],
    ["GET /api/nope HTTP/1.1", 404, "not_found"],
    ["GET /api/bins/some-bin/nope HTTP/1.1", 404, "not_found"],
  ])(
    "answers %s with a JSON %i, not a 500, an empty body or an HTML page",
    async (line, status, error) => {
      const response = await raw([line, "Host: x"]);
      expect(response.status).toBe(status);
      expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(json(response)).toMatchObject({ error, message: expect.any(String) });
      if (status === 405) expect(response.headers.allow).toMatch(/OPTIONS|GET/);
    },
  );

  it("tells the Allow list of the route on a wrong method", async () => {
    const response = await raw(["PATCH /api/bins HTTP/1.1", "Host: x", "Content-Length: 0"]);
    expect(response.headers.allow).toBe("POST, OPTIONS");
    const wait = await raw(["DELETE /api/bins/some-bin/deliveries/wait HTTP/1.1", "Host: x"]);
    expect(wait.headers.allow).toBe("GET, HEAD, OPTIONS");
  });

  it("refuses CONNECT with an answer instead of dropping the socket", async () => {
    const response = await raw(["CONNECT example.com:443 HTTP/1.1", "Host: example.com:443"]);
    expect(response.status).toBe(501);
  });
});
