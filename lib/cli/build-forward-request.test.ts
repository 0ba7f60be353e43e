import { describe, expect, it } from "vitest";
import { buildForwardRequest, type ForwardableDelivery } from "@/lib/cli/build-forward-request";

const body = new Uint8Array([0xff, 0x00, 0x7b, 0x80]);
const delivery: ForwardableDelivery = {
  method: "POST",
  path: "/webhooks/analysis",
  query: "b=2&a=1",
  headers: [
    ["Host", "echo.example.com"],
    ["X-CallCov-Signature", "abc"],
    ["Connection", "keep-alive, X-Hop"],
    ["x-dup", "1"],
    ["X-Hop", "gone"],
    ["Content-Length", "4"],
    ["X-Dup", "2"],
    ["Keep-Alive", "timeout=5"],
    ["TE", "trailers"],
    ["Trailer", "X-T"],
    ["Upgrade", "h2c"],
    ["Proxy-Connection", "keep-alive"],
    ["Content-Type", "application/octet-stream"],
  ],
  bodyBase64: Buffer.from(body).toString("base64"),
};

describe("buildForwardRequest", () => {
  it("keeps method, headers in order (minus hop-by-hop) and the exact bytes", () => {
    const request = buildForwardRequest({
      delivery,
      target: new URL("http://127.0.0.1:5000/hooks"),
      appendSubpath: true,
      appendQuery: true,
    });
    expect(request).toEqual({
      method: "POST",
      origin: "http://127.0.0.1:5000",
      path: "/hooks/webhooks/analysis?b=2&a=1",
      headers: [
        ["Host", "127.0.0.1:5000"],
        ["X-CallCov-Signature", "abc"],
        ["x-dup", "1"],
        ["X-Dup", "2"],
        ["Content-Type", "application/octet-stream"],
        ["Content-Length", "4"],
      ],
      body,
    });
  });

  it("joins paths and queries", () => {
    const build = (to: string, appendSubpath: boolean, path = "/x/y", query = "q=1") =>
      buildForwardRequest({
        delivery: { ...delivery, path, query },
        target: new URL(to),
        appendSubpath,
        appendQuery: true,
      }).path;
    expect(build("http://h/", true)).toBe("/x/y?q=1");
    expect(build("http://h", true)).toBe("/x/y?q=1");
    expect(build("http://h/base/", true)).toBe("/base/x/y?q=1");
    expect(build("http://h/base?token=t", true)).toBe("/base/x/y?token=t&q=1");
    expect(build("http://h/base?token=t", false)).toBe("/base?token=t&q=1");
    expect(build("http://h/base", true, "", "")).toBe("/base");
    expect(build("http://h/base?", true, "/%2F..%20raw", "a=%zz")).toBe("/base/%2F..%20raw?a=%zz");
  });

  it("uses the target exactly as given when neither subpath nor query is appended", () => {
    const build = (to: string) =>
      buildForwardRequest({
        delivery: { ...delivery, path: "/x/y", query: "q=1&q=2" },
        target: new URL(to),
        appendSubpath: false,
        appendQuery: false,
      }).path;
    expect(build("http://127.0.0.1:5101/x")).toBe("/x");
    expect(build("http://h/base?token=t")).toBe("/base?token=t");
    expect(build("http://h")).toBe("/");
  });

  it("adds no Content-Length to a bodiless request that had none", () => {
    const request = buildForwardRequest({
      delivery: { ...delivery, method: "GET", headers: [["Accept", "*/*"]], bodyBase64: "" },
      target: new URL("https://example.test:8443/"),
      appendSubpath: false,
      appendQuery: false,
    });
    expect(request.headers).toEqual([
      ["Host", "example.test:8443"],
      ["Accept", "*/*"],
    ]);
    expect(request.body).toEqual(new Uint8Array());
  });
});
