import { describe, expect, it } from "vitest";
import { buildReplayRequest } from "@/lib/payload/build-replay-request";

const body = new TextEncoder().encode('{"a":1}');

describe("buildReplayRequest", () => {
  it("keeps method, body bytes and ordinary headers in order, dropping what fetch cannot send", () => {
    const request = buildReplayRequest({
      method: "POST",
      headers: [
        ["Host", "example.com"],
        ["Content-Type", "application/json"],
        ["Content-Length", "7"],
        ["Connection", "keep-alive"],
        ["X-CallCov-Signature", "abc"],
        ["Accept-Encoding", "gzip"],
        ["Sec-Fetch-Mode", "cors"],
        ["Proxy-Authorization", "Basic x"],
        ["Transfer-Encoding", "chunked"],
        ["x-dup", "1"],
        ["X-Dup", "2"],
      ],
      body,
    });
    expect(request.method).toBe("POST");
    expect(request.body).toEqual(body);
    expect(request.headers).toEqual([
      ["Content-Type", "application/json"],
      ["X-CallCov-Signature", "abc"],
      ["x-dup", "1"],
      ["X-Dup", "2"],
    ]);
    expect(request.dropped.map((entry) => entry.name)).toEqual([
      "Host",
      "Content-Length",
      "Connection",
      "Accept-Encoding",
      "Sec-Fetch-Mode",
      "Proxy-Authorization",
      "Transfer-Encoding",
    ]);
    expect(request.dropped[2]!.reason).toMatch(/hop-by-hop/);
    expect(request.dropped[0]!.reason).toMatch(/browser/);
    expect(request.error).toBeNull();
    expect(request.bodyNote).toBeNull();
  });

  it.each([
    ["X-Emoji", "caf\u00e9 \u2615", "value has characters fetch cannot send"],
    ["Bad Name", "x", "not a valid header name for fetch"],
    ["X-HTTP-Method-Override", "TRACE", "overrides to a method browsers may not send"],
  ])("drops %s: %s (%s) instead of failing the whole replay", (name, value, reason) => {
    // Latin-1 values and method overrides browsers allow are kept.
    const kept: Array<[string, string]> = [
      ["X-Latin", "caf\u00e9"],
      ["X-HTTP-Method-Override", "PATCH"],
    ];
    const request = buildReplayRequest({ method: "PUT", headers: [[name, value], ...kept], body });
    expect(request.headers).toEqual(kept);
    expect(request.dropped).toEqual([{ name, reason }]);
  });

  it("leaves the body out of GET and HEAD, and explains it", () => {
    const request = buildReplayRequest({ method: "GET", headers: [], body });
    expect(request.body).toBeNull();
    expect(request.bodyNote).toMatch(/7-byte body was left out/);
    expect(
      buildReplayRequest({ method: "GET", headers: [], body: new Uint8Array() }).bodyNote,
    ).toBe(null);
    expect(buildReplayRequest({ method: "POST", headers: [], body: new Uint8Array() }).body).toBe(
      null,
    );
  });

  it("refuses methods browsers cannot send", () => {
    expect(buildReplayRequest({ method: "TRACE", headers: [], body }).error).toMatch(/TRACE/);
    expect(buildReplayRequest({ method: "connect", headers: [], body }).error).toMatch(/CONNECT/);
    expect(buildReplayRequest({ method: "PO ST", headers: [], body }).error).toMatch(/token/);
    expect(buildReplayRequest({ method: "PURGE", headers: [], body }).error).toBeNull();
  });
});
