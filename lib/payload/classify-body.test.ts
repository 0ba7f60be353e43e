import { describe, expect, it } from "vitest";

import { classifyBody } from "@/lib/payload/classify-body";

const utf8 = (text: string) => new TextEncoder().encode(text);
const classify = (body: Uint8Array | string, contentType: string | null = null) =>
  classifyBody({ body: typeof body === "string" ? utf8(body) : body, contentType });

describe("classifyBody", () => {
  it("classifies an empty body regardless of content type", () => {
    expect(classify("", "application/json")).toEqual({ kind: "empty", text: "" });
  });

  describe("json", () => {
    it("parses objects and arrays", () => {
      expect(classify('{"a":[1,2]}', "application/json")).toEqual({
        kind: "json",
        text: '{"a":[1,2]}',
        json: { a: [1, 2] },
      });
      expect(classify("[]", "application/json")).toMatchObject({ kind: "json", json: [] });
    });

    it.each([
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/json; charset=UTF-8",
      "application/octet-stream",
      null,
    ])("sniffs JSON under content type %j", (contentType) => {
      expect(classify('{"ok":true}', contentType)).toMatchObject({
        kind: "json",
        json: { ok: true },
      });
    });

    it("accepts a leading BOM and surrounding whitespace, keeping the original text", () => {
      const text = '\uFEFF \r\n\t{"a":1}\n ';
      expect(classify(text, "application/json")).toEqual({ kind: "json", text, json: { a: 1 } });
    });

    it("treats JSON scalars as text, not as JSON documents", () => {
      expect(classify("42", "application/json")).toEqual({ kind: "text", text: "42" });
      expect(classify('"str"', "application/json")).toEqual({ kind: "text", text: '"str"' });
    });

    it("treats a JSON content type with a non-JSON body as text", () => {
      expect(classify("{not json}", "application/json")).toEqual({
        kind: "text",
        text: "{not json}",
      });
    });

    it("does not skip non-JSON whitespace around the document", () => {
      expect(classify('\u00a0{"a":1}', "application/json").kind).toBe("text");
    });

    it("treats a 100,000-deep nesting bomb as text without throwing", () => {
      const bomb = "[".repeat(100_000) + "]".repeat(100_000);
      expect(classify(bomb, "application/json")).toEqual({ kind: "text", text: bomb });
      const objectBomb = '{"a":'.repeat(100_000) + "1" + "}".repeat(100_000);
      expect(classify(objectBomb).kind).toBe("text");
      expect(classify("[".repeat(100_000)).kind).toBe("text");
    });

    it("still parses moderately deep documents and ignores brackets inside strings", () => {
      const deep = "[".repeat(500) + "]".repeat(500);
      expect(classify(deep).kind).toBe("json");
      const tricky = JSON.stringify({ s: "[[[[".repeat(1000) + '\\"{{{' });
      expect(classify(tricky)).toMatchObject({ kind: "json" });
    });

    it("does not treat invalid UTF-8 as JSON", () => {
      const body = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);
      expect(classify(body, "application/json")).toEqual({ kind: "binary", text: null });
    });
  });

  describe("form", () => {
    it.each([
      "application/x-www-form-urlencoded",
      "Application/X-WWW-Form-Urlencoded; charset=utf-8",
    ])("recognises %j", (contentType) => {
      expect(classify("a=1&b=2", contentType)).toEqual({ kind: "form", text: "a=1&b=2" });
    });

    it("does not classify invalid UTF-8 as a form", () => {
      expect(
        classify(new Uint8Array([0x61, 0x3d, 0xff]), "application/x-www-form-urlencoded"),
      ).toEqual({ kind: "binary", text: null });
    });

    it("does not guess forms without the content type", () => {
      expect(classify("a=1&b=2", "text/plain").kind).toBe("text");
    });
  });

  describe("multipart", () => {
    it("returns the boundary, quoted or not", () => {
      expect(classify("--x\r\n", "multipart/form-data; boundary=x")).toEqual({
        kind: "multipart",
        text: "--x\r\n",
        boundary: "x",
      });
      expect(classify("--a b\r\n", 'Multipart/Mixed; BOUNDARY="a b"')).toMatchObject({
        kind: "multipart",
        boundary: "a b",
      });
    });

    it("keeps binary multipart bodies with a null text", () => {
      const body = new Uint8Array([0x2d, 0x2d, 0x78, 0x0d, 0x0a, 0xff, 0x00]);
      expect(classify(body, "multipart/form-data; boundary=x")).toEqual({
        kind: "multipart",
        text: null,
        boundary: "x",
      });
    });

    it("falls back when the boundary is missing or empty", () => {
      expect(classify("--x\r\n", "multipart/form-data").kind).toBe("text");
      expect(classify("--x\r\n", 'multipart/form-data; boundary=""').kind).toBe("text");
    });
  });

  describe("text and binary", () => {
    it("accepts tab, CR, LF and form feed in text", () => {
      const text = "line1\r\n\tline2\fend é";
      expect(classify(text, "text/plain")).toEqual({ kind: "text", text });
    });

    it.each([0x00, 0x01, 0x08, 0x0b, 0x1b, 0x1f, 0x7f])(
      "treats control byte 0x%s as binary",
      (byte) => {
        expect(classify(new Uint8Array([0x61, byte, 0x62]), "text/plain")).toEqual({
          kind: "binary",
          text: null,
        });
      },
    );

    it("treats invalid UTF-8 as binary", () => {
      expect(classify(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), "image/png")).toEqual({
        kind: "binary",
        text: null,
      });
    });
  });

  it("never throws on hostile content types or bodies", () => {
    const contentTypes = [
      "",
      ";;;",
      "multipart/",
      'multipart/form-data; boundary="',
      "=;=;=",
      "\u0000",
      "x".repeat(100_000),
    ];
    const bodies = [
      utf8("{"),
      utf8("]"),
      new Uint8Array(10_000).fill(0xff),
      utf8(" ".repeat(50_000)),
    ];
    for (const contentType of contentTypes) {
      for (const body of bodies) {
        expect(() => classifyBody({ body, contentType })).not.toThrow();
      }
    }
  });

  it("stays fast on whitespace-heavy input", () => {
    const started = performance.now();
    classify("{" + " ".repeat(200_000) + "x");
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
