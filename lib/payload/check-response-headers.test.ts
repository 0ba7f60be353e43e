import { describe, expect, it } from "vitest";
import { checkResponseHeaders } from "@/lib/payload/check-response-headers";

const refusedNames = (headers: Record<string, string>) =>
  checkResponseHeaders({ headers }).refused.map(({ name }) => name);

describe("checkResponseHeaders", () => {
  it.each([
    ["X-Answer", "yes"],
    ["Retry-After", "120"],
    ["Cache-Control", "max-age=60"],
    ["x-ratelimit-remaining", "0"],
    ["WWW-Authenticate", 'Bearer realm="api", error="invalid_token"'],
    ["Content-Disposition", 'attachment; filename="a.txt"'],
    ["Referrer-Policy", "no-referrer"],
    ["X-Tabbed", "a\tb"],
    ["X-Empty", ""],
    ["X-Printable", " !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~"],
  ])("accepts %s: %j", (name, value) => {
    const checked = checkResponseHeaders({ headers: { [name]: value } });
    expect(checked).toEqual({ headers: { [name]: value }, contentType: null, refused: [] });
  });

  it.each([
    // Acts on the origin or the browser.
    ["Set-Cookie", "owner=x; Path=/", /cookies/],
    ["set-cookie", "a=b", /cookies/],
    ["Set-Cookie2", "a=b", /cookies/],
    ["Clear-Site-Data", '"cookies"', /wipe/],
    ["Location", "https://evil.example/", /open redirect/],
    ["REFRESH", "0; url=https://evil.example/", /open redirect/],
    ["Link", "</x.css>; rel=preload", /preload/],
    ["Strict-Transport-Security", "max-age=31536000", /reach/],
    ["Alt-Svc", 'h2="evil.example:443"', /elsewhere/],
    ["Service-Worker-Allowed", "/", /service worker/],
    ["Origin-Agent-Cluster", "?1", /isolate/],
    ["NEL", '{"report_to":"x","max_age":1}', /report/],
    ["Report-To", "{}", /report/],
    ["Reporting-Endpoints", 'x="https://evil.example"', /report/],
    ["Accept-CH", "Sec-CH-UA-Model", /send/],
    ["Set-Login", "logged-in", /login state/],
    ["Speculation-Rules", '"/rules.json"', /prerender/],
    ["Content-Security-Policy", "default-src *", /security policy/],
    ["content-security-policy-report-only", "default-src 'none'", /security policy/],
    ["X-Frame-Options", "ALLOWALL", /security policy/],
    ["X-Content-Type-Options", "none", /security policy/],
    ["Cross-Origin-Opener-Policy", "unsafe-none", /security policy/],
    ["Cross-Origin-Resource-Policy", "cross-origin", /security policy/],
    ["Permissions-Policy", "camera=*", /security policy/],
    ["Access-Control-Allow-Origin", "https://evil.example", /CORS/],
    ["access-control-allow-credentials", "true", /CORS/],
    ["X-Delivery-Id", "forged", /delivery/],
    ["WWW-Authenticate", 'Basic realm="Log in to Webhook Echo"', /login prompt/],
    ["WWW-Authenticate", 'Bearer realm="a", Negotiate', /login prompt/],
    ["X-Accel-Redirect", "/internal/secret", /reverse proxy/],
    ["X-Sendfile", "/etc/passwd", /reverse proxy/],
    ["Sec-Session-Registration", "x", /reserved/],
    // Framing and hop-by-hop.
    ["Content-Length", "0", /frames/],
    ["Transfer-Encoding", "chunked", /frames/],
    ["Connection", "close", /frames/],
    ["Keep-Alive", "timeout=1", /frames/],
    ["Upgrade", "websocket", /frames/],
    ["TE", "trailers", /frames/],
    ["Trailer", "X-A", /frames/],
    ["Proxy-Authenticate", "Basic", /proxies/],
    ["Proxy-Connection", "close", /frames/],
    // Malformed.
    ["Bad Header", "x", /tokens/],
    ["X-A:", "x", /tokens/],
    ["X-" + "a".repeat(99), "x", /at most 100/],
    ["X-Long", "a".repeat(2001), /at most 2000/],
    ["X-Newline", "a\nb", /visible ASCII/],
    ["X-CR", "a\rSet-Cookie: x=y", /visible ASCII/],
    ["X-Nul", "a\u0000b", /visible ASCII/],
    ["X-Del", "a\u007fb", /visible ASCII/],
    ["X-Latin1", "café", /visible ASCII/],
    ["X-Unicode", "snow ☃", /visible ASCII/],
    ["X-Emoji", "\u{1F600}", /visible ASCII/],
  ])("refuses %s: %j", (name, value, reason) => {
    const checked = checkResponseHeaders({ headers: { [name]: value, "X-Kept": "1" } });
    expect(checked.refused).toEqual([
      { setting: "headers", name, reason: expect.stringMatching(reason) },
    ]);
    expect(checked.headers).toEqual({ "X-Kept": "1" });
  });

  it("keeps one value per name, case-insensitively (the first one)", () => {
    const checked = checkResponseHeaders({ headers: { "X-A": "1", "x-a": "2", "X-a": "3" } });
    expect(checked.headers).toEqual({ "X-A": "1" });
    expect(refusedNames({ "X-A": "1", "x-a": "2", "X-a": "3" })).toEqual(["x-a", "X-a"]);
    expect(checked.refused[0]!.reason).toMatch(/X-A is already set/);
  });

  it("merges Content-Type from the headers into contentType, in any case", () => {
    expect(checkResponseHeaders({ headers: { "content-type": "text/csv", "X-A": "1" } })).toEqual({
      headers: { "X-A": "1" },
      contentType: "text/csv",
      refused: [],
    });
    expect(
      checkResponseHeaders({ headers: { "Content-Type": "text/csv" }, contentType: "text/csv" }),
    ).toEqual({ headers: {}, contentType: "text/csv", refused: [] });
    const conflict = checkResponseHeaders({
      headers: { "CONTENT-TYPE": "text/html" },
      contentType: "text/csv",
    });
    expect(conflict.contentType).toBe("text/csv");
    expect(conflict.refused).toEqual([
      { setting: "headers", name: "CONTENT-TYPE", reason: expect.stringMatching(/set it once/) },
    ]);
  });

  it.each([
    ["non-ASCII", "text/plain; charset=ünïcode", /visible ASCII/],
    ["a line break", "text/plain\r\nSet-Cookie: a=b", /visible ASCII/],
    ["over 200 characters", "text/" + "a".repeat(200), /at most 200/],
  ])("refuses a contentType with %s", (_name, contentType, reason) => {
    expect(checkResponseHeaders({ contentType })).toEqual({
      headers: {},
      contentType: null,
      refused: [
        { setting: "contentType", name: "Content-Type", reason: expect.stringMatching(reason) },
      ],
    });
  });

  it("bounds the number of headers and their total size", () => {
    const many = Object.fromEntries(Array.from({ length: 52 }, (_, i) => [`X-H${i}`, "v"]));
    const checked = checkResponseHeaders({ headers: many });
    expect(Object.keys(checked.headers)).toHaveLength(50);
    expect(refusedNames(many)).toEqual(["X-H50", "X-H51"]);
    expect(checked.refused[0]!.reason).toMatch(/at most 50 headers/);

    const big = Object.fromEntries(
      Array.from({ length: 3 }, (_, i) => [`X-B${i}`, "v".repeat(1990)]),
    );
    expect(refusedNames(big)).toEqual(["X-B2"]);
    expect(checkResponseHeaders({ headers: big }).refused[0]!.reason).toMatch(/4096 bytes/);
  });

  it("accepts nothing configured", () => {
    expect(checkResponseHeaders({})).toEqual({ headers: {}, contentType: null, refused: [] });
  });
});
