import { describe, expect, it } from "vitest";
import { buildHar, type HarEntryInput } from "@/lib/payload/build-har";
import { encodeBase64 } from "@/lib/payload/encode-base64";
import { splitHarEntry } from "@/lib/payload/split-har-entry";

const creator = { name: "test", version: "1" };

function input(body: Uint8Array, withResponse = true): HarEntryInput {
  return {
    request: {
      method: "POST",
      path: "/hooks",
      query: "a=1&b=%22",
      headers: [
        ["Content-Type", "application/json"],
        ["Cookie", "a=1; b=2"],
      ],
      body,
      contentType: "application/json",
    },
    url: "http://x/echo/bin/hooks?a=1&b=%22",
    receivedAt: "2026-12-01T00:00:00.000Z",
    response: withResponse
      ? { status: 201, headers: [["Content-Type", "text/plain"]], body: "ok" }
      : undefined,
  };
}

describe("splitHarEntry", () => {
  it.each([
    [
      "text with escapes",
      new TextEncoder().encode('{"a":"\u00e9\n\\"\u0001"} \ud83d\ude00'),
      "text",
    ],
    ["a leading BOM", new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), "text"],
    ["binary", new Uint8Array([0, 1, 2, 0xff, 0xfe]), "base64"],
    ["empty", new Uint8Array(), "text"],
  ] as const)("matches buildHar byte for byte: %s", (_name, body, bodyAs) => {
    for (const withResponse of [true, false]) {
      const expected = JSON.stringify(
        buildHar({ creator, entries: [input(body, withResponse)] }).log.entries[0],
      );
      const { head, tail } = splitHarEntry({
        input: input(body, withResponse),
        creator,
        bodySize: body.length,
        bodyAs,
      });
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(body);
      const piece =
        body.length === 0
          ? ""
          : bodyAs === "text"
            ? JSON.stringify(text).slice(1, -1)
            : encodeBase64({ bytes: body });
      expect(head + piece + tail).toBe(expected);
    }
  });
});
