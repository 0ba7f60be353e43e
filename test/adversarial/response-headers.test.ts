import { describe, expect, it } from "vitest";
import { sendRawHttp } from "@/test/support/send-raw-http";
import { setupTestServer } from "@/test/support/setup-test-server";

// Issue 12, item 6: an owner's simulated answer is served from the app's origin, so headers
// that act on the browser, the origin or the proxy in front are refused (400 naming them), one
// value per name goes out, and settings that slipped in before the rules never cost an answer.

const suite = setupTestServer();
const db = suite.db;

const createBin = suite.createBin;

function put(bin: { id: string; ownerToken: string }, response: unknown) {
  return suite.putSettings(bin.id, { response }, bin.ownerToken);
}

/** One raw answer from /echo/<id>: every header line as sent, in order, duplicates kept. */
async function rawEcho(binId: string, method = "POST") {
  const response = await sendRawHttp({
    port: suite.server.port,
    data: `${method} /echo/${binId} HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nConnection: close\r\n\r\nping`,
  });
  expect(response).not.toBeNull();
  const head = response!.raw.subarray(0, response!.raw.indexOf("\r\n\r\n")).toString("latin1");
  const lines = head.split("\r\n").slice(1);
  const named = (name: string) =>
    lines
      .filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      .map((line) => line.slice(line.indexOf(":") + 1).trim());
  return { status: response!.status, named, body: response!.body.toString() };
}

const REFUSED: Array<[string, string]> = [
  ["Set-Cookie", "we_owner_x=stolen; Path=/"],
  ["set-cookie", "a=b"],
  ["Clear-Site-Data", '"cookies", "storage"'],
  ["Refresh", "0; url=https://evil.example/"],
  ["Location", "https://evil.example/"],
  ["location", "//evil.example"],
  ["Strict-Transport-Security", "max-age=63072000; includeSubDomains"],
  ["Service-Worker-Allowed", "/"],
  ["Content-Security-Policy", "frame-ancestors *"],
  ["Content-Security-Policy-Report-Only", "default-src 'none'; report-uri https://evil.example"],
  ["Access-Control-Allow-Origin", "https://evil.example"],
  ["Access-Control-Allow-Credentials", "true"],
  ["X-Frame-Options", "ALLOWALL"],
  ["Connection", "close"],
  ["Keep-Alive", "timeout=600"],
  ["Transfer-Encoding", "chunked"],
  ["Upgrade", "h2c"],
  ["TE", "trailers"],
  ["Trailer", "X-A"],
  ["Proxy-Authenticate", 'Basic realm="x"'],
  ["Content-Length", "0"],
  ["X-Content-Type-Options", "sniff"],
  ["X-Delivery-Id", "forged"],
  ["NEL", '{"report_to":"evil","max_age":31536000,"include_subdomains":true}'],
  ["Report-To", '{"group":"evil","endpoints":[{"url":"https://evil.example"}]}'],
  ["Reporting-Endpoints", 'evil="https://evil.example"'],
  ["Alt-Svc", 'h2="evil.example:443"; ma=86400'],
  ["Link", "<https://evil.example/x.js>; rel=preload; as=script"],
  ["Origin-Agent-Cluster", "?0"],
  ["Cross-Origin-Opener-Policy", "unsafe-none"],
  ["Permissions-Policy", "camera=*"],
  ["X-Accel-Redirect", "/internal/"],
  ["WWW-Authenticate", 'Basic realm="Sign in to Webhook Echo"'],
];

describe("owner-set response headers", () => {
  it("refuses every header that acts on the browser, the origin or the proxy: 400 naming it", async () => {
    const bin = await createBin();
    for (const [name, value] of REFUSED) {
      const response = await put(bin, { status: 200, headers: { "X-Fine": "1", [name]: value } });
      const { error, message } = (await response.json()) as { error: string; message: string };
      expect(response.status, name).toBe(400);
      expect(error).toBe("bad_request");
      expect(message, name).toContain(`response.headers.${name}: ${name} cannot be set`);
    }
    // Nothing of it was saved: the echo still gives the default answer.
    const answer = await rawEcho(bin.id);
    expect(answer.status).toBe(200);
    expect(answer.named("location")).toEqual([]);
    expect(answer.named("set-cookie")).toEqual([]);
  });

  it("refuses two names that differ only in case, naming the second", async () => {
    const bin = await createBin();
    const response = await put(bin, { headers: { "X-Trace": "1", "x-trace": "2" } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(
      "x-trace cannot be set: X-Trace is already set",
    );
  });

  it.each([
    ["non-Latin-1", { headers: { "X-Snow": "snow ☃" } }, "X-Snow"],
    ["Latin-1 outside ASCII", { headers: { "X-Cafe": "café" } }, "X-Cafe"],
    ["a line break", { headers: { "X-Split": "a\r\nSet-Cookie: a=b" } }, "X-Split"],
    ["a NUL", { headers: { "X-Nul": "a\u0000b" } }, "X-Nul"],
    ["DEL", { headers: { "X-Del": "a\u007f" } }, "X-Del"],
    ["a non-ASCII contentType", { contentType: "text/plain; charset=☃" }, "contentType"],
    ["over 2000 characters", { headers: { "X-Long": "a".repeat(2001) } }, "X-Long"],
  ])("refuses a value with %s at save (400), not at answer time", async (_name, response, at) => {
    const bin = await createBin();
    const answer = await put(bin, { status: 201, ...response });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { message: string }).message).toContain(at);
    expect((await rawEcho(bin.id)).status).toBe(200);
  });

  it("sends exactly one Content-Type for a lowercase content-type header (merged into contentType)", async () => {
    const bin = await createBin();
    const saved = await put(bin, {
      headers: { "content-type": "text/csv", "cache-control": "max-age=5", "X-Ok": "1" },
      body: "a,b",
    });
    expect(saved.status).toBe(200);
    const settings = (await saved.json()) as { response: unknown };
    expect(settings.response).toEqual({
      headers: { "cache-control": "max-age=5", "X-Ok": "1" },
      body: "a,b",
      contentType: "text/csv",
    });
    const answer = await rawEcho(bin.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("a,b");
    expect(answer.named("content-type")).toEqual(["text/csv"]);
    expect(answer.named("cache-control")).toEqual(["max-age=5"]);
    expect(answer.named("x-ok")).toEqual(["1"]);
    expect(answer.named("content-security-policy")).toEqual(["default-src 'none'; sandbox"]);
  });

  it("refuses a Content-Type header that contradicts contentType", async () => {
    const bin = await createBin();
    const response = await put(bin, {
      headers: { "Content-Type": "text/html" },
      contentType: "text/plain",
      body: "x",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain(
      "Content-Type cannot be set: contentType already sets",
    );
  });

  it("answers settings stored before the rules (written straight into the row) without the bad headers, never 500", async () => {
    const bin = await createBin();
    // What an old row could hold: accepted by the old schema, or written by hand.
    await db.query("UPDATE bins SET settings = $2 WHERE id = $1", [
      bin.id,
      JSON.stringify({
        response: {
          status: 202,
          headers: {
            "X-Snow": "snow ☃",
            Location: "https://evil.example/",
            "Clear-Site-Data": '"cookies"',
            "Strict-Transport-Security": "max-age=1",
            "content-type": "text/csv",
            "X-Ok": "1",
            "x-ok": "2",
          },
          body: "kept",
          contentType: "text/plain; charset=☃",
        },
      }),
    ]);
    for (const method of ["POST", "HEAD"]) {
      const answer = await rawEcho(bin.id, method);
      expect(answer.status, method).toBe(202);
      expect(answer.named("x-snow")).toEqual([]);
      expect(answer.named("location")).toEqual([]);
      expect(answer.named("clear-site-data")).toEqual([]);
      expect(answer.named("strict-transport-security")).toEqual([]);
      expect(answer.named("x-ok")).toEqual(["1"]);
      expect(answer.named("content-type")).toEqual(["text/csv"]);
      if (method === "POST") expect(answer.body).toBe("kept");
    }
    const { rows } = await db.query<{ body: Buffer; response_status: number }>(
      "SELECT body, response_status FROM deliveries WHERE bin_id = $1 ORDER BY id",
      [bin.id],
    );
    expect(rows.map((row) => [row.body.toString(), row.response_status])).toEqual([
      ["ping", 202],
      ["ping", 202],
    ]);
    expect(suite.server.output()).toContain("stored response headers dropped");
    expect(suite.server.output()).not.toContain("capture crashed");
  });
});
