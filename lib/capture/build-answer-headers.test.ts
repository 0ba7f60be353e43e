import { describe, expect, it } from "vitest";
import { buildAnswerHeaders } from "@/lib/capture/build-answer-headers";

const SAFETY = [
  "X-Content-Type-Options",
  "nosniff",
  "Content-Security-Policy",
  "default-src 'none'; sandbox",
];

/** The flat list as pairs, for readable expectations. */
const pairs = (flat: string[]) =>
  Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]);

describe("buildAnswerHeaders", () => {
  it("layers CORS and no-store, the answer's own headers, then safety and length", () => {
    const { flat, dropped } = buildAnswerHeaders({
      headers: { "X-Delivery-Id": "d1", "Content-Type": "application/json" },
      contentLength: "42",
    });
    expect(flat).toEqual([
      "Access-Control-Allow-Origin",
      "*",
      "Access-Control-Expose-Headers",
      "*",
      "Cache-Control",
      "no-store",
      "X-Delivery-Id",
      "d1",
      "Content-Type",
      "application/json",
      ...SAFETY,
      "Content-Length",
      "42",
    ]);
    expect(dropped).toBeNull();
  });

  it("lets the answer override the lower layers whatever its spelling, once", () => {
    const { flat } = buildAnswerHeaders({
      headers: { "cache-control": "max-age=60", "ACCESS-CONTROL-ALLOW-ORIGIN": "https://a.test" },
      contentLength: "0",
    });
    expect(pairs(flat)).toEqual([
      ["Access-Control-Expose-Headers", "*"],
      ["cache-control", "max-age=60"],
      ["ACCESS-CONTROL-ALLOW-ORIGIN", "https://a.test"],
      ["X-Content-Type-Options", "nosniff"],
      ["Content-Security-Policy", "default-src 'none'; sandbox"],
      ["Content-Length", "0"],
    ]);
  });

  it("never lets the answer replace the safety headers or the length", () => {
    const { flat } = buildAnswerHeaders({
      headers: {
        "content-security-policy": "default-src *",
        "x-content-type-options": "sniff",
        "CONTENT-LENGTH": "999",
        "X-Kept": "1",
      },
      contentLength: "7",
    });
    const names = pairs(flat).map(([name]) => name!.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(flat).toContain("X-Kept");
    expect(flat.slice(-6)).toEqual([...SAFETY, "Content-Length", "7"]);
  });

  it("keeps the last of two spellings of one header", () => {
    const { flat } = buildAnswerHeaders({
      headers: { "X-Tag": "first", "x-tag": "second" },
      contentLength: "0",
    });
    expect(pairs(flat).filter(([name]) => name!.toLowerCase() === "x-tag")).toEqual([
      ["x-tag", "second"],
    ]);
  });

  it("leaves out and reports a header Node would refuse, and keeps the rest", () => {
    const { flat, dropped } = buildAnswerHeaders({
      headers: { "Bad Name": "x", "X-Split": "a\r\nSet-Cookie: s=1", "X-Fine": "ok" },
      contentLength: "0",
    });
    expect(dropped?.map(({ name }) => name)).toEqual(["Bad Name", "X-Split"]);
    expect(dropped?.every(({ error }) => error.length > 0)).toBe(true);
    expect(flat).not.toContain("Bad Name");
    expect(flat).not.toContain("X-Split");
    expect(flat).toContain("X-Fine");
  });

  it("judges a name again on every answer: a name once valid is remembered, a bad one never", () => {
    for (let round = 0; round < 2; round++) {
      const { flat, dropped } = buildAnswerHeaders({
        headers: { "X-Seen": "a", "Bad Name": "b", "X-Seen-Bad": "c\nd" },
        contentLength: "0",
      });
      expect(dropped?.map(({ name }) => name)).toEqual(["Bad Name", "X-Seen-Bad"]);
      expect(pairs(flat)).toContainEqual(["X-Seen", "a"]);
    }
    // A remembered name still has its value checked.
    const { dropped } = buildAnswerHeaders({ headers: { "X-Seen": "a\r\n" }, contentLength: "0" });
    expect(dropped?.map(({ name }) => name)).toEqual(["X-Seen"]);
  });

  it("keeps a header named __proto__ as a header", () => {
    const headers = JSON.parse('{"__proto__":"v"}') as Record<string, string>;
    const { flat } = buildAnswerHeaders({ headers, contentLength: "0" });
    expect(pairs(flat)).toContainEqual(["__proto__", "v"]);
  });

  it("adds no length to an answer that has no body by definition", () => {
    const { flat } = buildAnswerHeaders({ headers: {}, contentLength: null });
    expect(flat.map((part) => part.toLowerCase())).not.toContain("content-length");
    expect(flat.slice(-4)).toEqual(SAFETY);
  });

  it("gives an answer without a body no content type, in any case", () => {
    for (const name of ["Content-Type", "content-type"]) {
      const headers = { [name]: "application/json; charset=utf-8", "X-Delivery-Id": "d" };
      const { flat } = buildAnswerHeaders({ headers, contentLength: null });
      expect(flat.map((part) => part.toLowerCase())).not.toContain("content-type");
      expect(pairs(flat)).toContainEqual(["X-Delivery-Id", "d"]);
    }
  });
});
