import { describe, expect, it } from "vitest";
import { resolvePublicOrigin } from "@/lib/http/resolve-public-origin";

const forwarded = {
  host: "127.0.0.1:3000",
  "x-forwarded-host": "attacker.example",
  "x-forwarded-proto": "https",
};

describe("resolvePublicOrigin", () => {
  const configured = "https://echo.example";
  // prettier-ignore
  it.each([
    // why, PUBLIC_BASE_URL, request headers, TRUST_PROXY, the origin
    ["PUBLIC_BASE_URL wins", configured, forwarded, false, configured],
    ["PUBLIC_BASE_URL wins over a trusted proxy", configured, forwarded, true, configured],
    ["untrusted X-Forwarded-Host is ignored", undefined, forwarded, false, "https://127.0.0.1:3000"],
    ["a trusted proxy's host and scheme", undefined, forwarded, true, "https://attacker.example"],
    ["first of a trusted list",
      undefined, { host: "a", "x-forwarded-host": "b.example, c" }, true, "http://b.example"],
    ["plain Host", undefined, { host: "localhost:8080" }, false, "http://localhost:8080"],
    ["unknown scheme → http",
      undefined, { host: "h", "x-forwarded-proto": "gopher" }, true, "http://h"],
    ["malformed host → fallback", undefined, { host: "a b" }, false, "http://fallback"],
    ["malformed trusted host → fallback",
      undefined, { host: "h", "x-forwarded-host": "x/y" }, true, "http://fallback"],
  ] as const)("%s", (_name, publicBaseUrl, headers, trustProxy, origin) => {
    expect(
      resolvePublicOrigin({
        configured: publicBaseUrl,
        headers: new Headers(headers),
        fallback: "http://fallback",
        trustProxy,
      }),
    ).toBe(origin);
  });
});
