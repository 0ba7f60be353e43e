import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "@/lib/payload/classify-body";
import { MAX_JSON_PARSE_BYTES, parseJsonBody } from "@/lib/payload/parse-json-body";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("parseJsonBody", () => {
  it.each([
    [' \n{"a":1}', { ok: true, value: { a: 1 } }],
    ["[1,2]", { ok: true, value: [1, 2] }],
    ['"just a string"', { ok: false }],
    ["{not json", { ok: false }],
    ["", { ok: false }],
  ])("%j", (text, expected) => {
    expect(parseJsonBody({ body: bytes(text) })).toEqual(expected);
  });

  it("does not parse a body over the bound", () => {
    const big = bytes(`[${"1,".repeat(MAX_JSON_PARSE_BYTES / 2)}1]`);
    expect(parseJsonBody({ body: big })).toEqual({ ok: false });
  });

  it("reads ASCII and multi-byte UTF-8 alike, and a sub-array at its own offset", () => {
    expect(parseJsonBody({ body: bytes('{"name":"café ☕","n":1}') })).toEqual({
      ok: true,
      value: { name: "café ☕", n: 1 },
    });
    const framed = bytes('xx{"a":"b"}yy').subarray(2, 11);
    expect(parseJsonBody({ body: framed })).toEqual({ ok: true, value: { a: "b" } });
  });

  it("refuses Latin-1 text, which is no UTF-8", () => {
    expect(
      parseJsonBody({ body: new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]) }),
    ).toEqual({
      ok: false,
    });
  });

  it("refuses invalid UTF-8", () => {
    expect(parseJsonBody({ body: new Uint8Array([0x7b, 0xff, 0x7d]) })).toEqual({ ok: false });
  });

  it("does not parse a nesting bomb (JSON.parse would take the capture thread for ~0.5 s)", () => {
    const levels = MAX_JSON_PARSE_BYTES / 2 - 1;
    const bomb = bytes(`${"[".repeat(levels)}${"]".repeat(levels)}`);
    expect(parseJsonBody({ body: bomb })).toEqual({ ok: false });
  });

  it("parses up to the viewer's depth, and brackets inside strings do not count", () => {
    const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    expect(parseJsonBody({ body: bytes(nested(MAX_JSON_DEPTH)) }).ok).toBe(true);
    expect(parseJsonBody({ body: bytes(nested(MAX_JSON_DEPTH + 1)) }).ok).toBe(false);
    const quoted = JSON.stringify({ text: "[".repeat(10_000) });
    expect(parseJsonBody({ body: bytes(quoted) })).toEqual({ ok: true, value: JSON.parse(quoted) });
  });
});
