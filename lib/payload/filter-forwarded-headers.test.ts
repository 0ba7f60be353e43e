import { describe, expect, it } from "vitest";
import { filterForwardedHeaders } from "@/lib/payload/filter-forwarded-headers";

describe("filterForwardedHeaders", () => {
  it("keeps ordinary headers and moves Content-Type out", () => {
    const result = filterForwardedHeaders({
      headers: [
        ["Content-Type", "application/json"],
        ["X-Handled-By", "local"],
      ],
    });
    expect(result).toEqual({
      headers: { "X-Handled-By": "local" },
      contentType: "application/json",
      dropped: [],
    });
  });

  it("drops hop-by-hop headers, those Connection names, and browser-acting ones", () => {
    const result = filterForwardedHeaders({
      headers: [
        ["Connection", "keep-alive, X-Hop"],
        ["Content-Length", "2"],
        ["Transfer-Encoding", "chunked"],
        ["X-Hop", "1"],
        ["Set-Cookie", "a=b"],
        ["Location", "https://evil.example"],
        ["Content-Security-Policy", "default-src *"],
        ["X-Kept", "yes"],
      ],
    });
    expect(result.headers).toEqual({ "X-Kept": "yes" });
    expect(result.dropped.map((line) => line.split(":")[0])).toEqual([
      "X-Hop",
      "Connection",
      "Content-Length",
      "Transfer-Encoding",
      "Set-Cookie",
      "Location",
      "Content-Security-Policy",
    ]);
  });

  it("joins repeated headers case-insensitively under the first spelling", () => {
    const result = filterForwardedHeaders({
      headers: [
        ["X-Tag", "a"],
        ["x-tag", "b"],
      ],
    });
    expect(result.headers).toEqual({ "X-Tag": "a, b" });
  });
});
