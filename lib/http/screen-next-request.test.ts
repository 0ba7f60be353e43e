import { describe, expect, it } from "vitest";
import { screenNextRequest } from "@/lib/http/screen-next-request";

describe("screenNextRequest", () => {
  it.each([
    ["GET", "/"],
    ["GET", "/view/abc?x=%zz"],
    ["POST", "/view/abc"],
    ["GET", "/_next/static/chunks/a.js"],
    ["GET", "/api/bins/abc"],
    ["HEAD", "/api/bins/abc"],
    ["OPTIONS", "/api/bins/abc"],
    ["DELETE", "/api/bins/abc/deliveries/01a2"],
    ["GET", "/api/bins/abc/deliveries/wait?after=now"],
    ["PUT", "/api/bins/abc/settings"],
    ["GET", "/api/schemas/callcov-analysis%401"],
    ["GET", "/api/bins/"],
  ])("hands %s %s to Next", (method, url) => {
    expect(screenNextRequest({ method, url })).toBeNull();
  });

  it.each([["/view/%zz"], ["/api/bins/%FF"], ["/view/abc/%ED%A0%80"], ["/api/schemas/%"]])(
    "refuses a path whose percent-encoding does not decode: %s",
    (url) => {
      expect(screenNextRequest({ method: "GET", url })).toMatchObject({
        status: 400,
        error: "bad_request",
      });
    },
  );

  it("refuses a request target that is not a path (OPTIONS *, absolute form)", () => {
    for (const url of ["*", "http://example.com/api/health"]) {
      expect(screenNextRequest({ method: "OPTIONS", url })).toMatchObject({ status: 400 });
    }
  });

  it("answers a method Next does not take with 405 and what the target allows", () => {
    expect(screenNextRequest({ method: "TRACE", url: "/api/bins/abc" })).toEqual({
      status: 405,
      error: "method_not_allowed",
      message: "Method TRACE is not allowed here",
      allow: "GET, DELETE, HEAD, OPTIONS",
    });
    expect(screenNextRequest({ method: "PURGE", url: "/view/abc" })).toMatchObject({
      status: 405,
      allow: "GET, HEAD",
    });
  });

  it("answers a method the API route does not export with 405 and its Allow list", () => {
    expect(screenNextRequest({ method: "PATCH", url: "/api/bins" })).toEqual({
      status: 405,
      error: "method_not_allowed",
      message: "Method PATCH is not allowed on /api/bins",
      allow: "POST, OPTIONS",
    });
    // The fixed segment wins over [deliveryId], as in Next's routing.
    expect(
      screenNextRequest({ method: "DELETE", url: "/api/bins/abc/deliveries/wait" }),
    ).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
    expect(screenNextRequest({ method: "GET", url: "/api/bins/abc/settings?x=1" })).toMatchObject({
      status: 405,
      allow: "PUT, OPTIONS",
    });
  });

  it.each([["/api"], ["/api/"], ["/api/nope"], ["/api/bins/abc/nope"], ["/api/bins//deliveries"]])(
    "answers an API path no route serves with 404: %s",
    (url) => {
      expect(screenNextRequest({ method: "GET", url })).toMatchObject({
        status: 404,
        error: "not_found",
      });
    },
  );
});
