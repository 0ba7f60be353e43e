import { describe, expect, it } from "vitest";

import { parseMultipart } from "@/lib/payload/parse-multipart";

const encoder = new TextEncoder();

function concat(...pieces: Array<string | Uint8Array>): Uint8Array {
  const chunks = pieces.map((piece) => (typeof piece === "string" ? encoder.encode(piece) : piece));
  const result = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

const allBytes = Uint8Array.from({ length: 256 }, (_, index) => index);

describe("parseMultipart", () => {
  it("parses text fields and byte-exact binary files with CRLF line breaks", () => {
    const file = concat(allBytes, "\r\n--boundar\r\n", allBytes, "\r\n");
    const body = concat(
      "--boundary\r\n",
      'Content-Disposition: form-data; name="title"\r\n',
      "\r\n",
      "Hello\r\nworld é\r\n",
      "--boundary\r\n",
      'Content-Disposition: form-data; name="upload"; filename="data.bin"\r\n',
      "Content-Type: application/octet-stream\r\n",
      "\r\n",
      file,
      "\r\n--boundary--\r\n",
    );
    const result = parseMultipart({ body, boundary: "boundary" });
    expect(result.complete).toBe(true);
    expect(result.parts).toHaveLength(2);
    expect(result.parts[0]).toEqual({
      headers: [["Content-Disposition", 'form-data; name="title"']],
      name: "title",
      filename: null,
      contentType: null,
      body: encoder.encode("Hello\r\nworld é"),
      text: "Hello\r\nworld é",
      size: encoder.encode("Hello\r\nworld é").length,
    });
    expect(result.parts[1]).toMatchObject({
      name: "upload",
      filename: "data.bin",
      contentType: "application/octet-stream",
      text: null,
      size: file.length,
    });
    expect(result.parts[1]?.body).toEqual(file);
  });

  it("round-trips what the platform FormData serialiser produces", async () => {
    const form = new FormData();
    form.append("field", 'value with "quotes" and\r\nnewlines');
    form.append("field", "duplicate");
    form.append("file", new Blob([allBytes], { type: "image/png" }), 'na"me €.png');
    const request = new Request("http://localhost/", { method: "POST", body: form });
    const contentType = request.headers.get("content-type") ?? "";
    const boundary = /boundary=(.+)$/.exec(contentType)?.[1] ?? "";
    const body = new Uint8Array(await request.arrayBuffer());

    const result = parseMultipart({ body, boundary });
    expect(result.complete).toBe(true);
    expect(result.parts.map((part) => [part.name, part.text])).toEqual([
      ["field", 'value with "quotes" and\r\nnewlines'],
      ["field", "duplicate"],
      ["file", null],
    ]);
    // The platform percent-encodes quotes in names, and they are shown as sent.
    expect(result.parts[2]).toMatchObject({ filename: "na%22me €.png", contentType: "image/png" });
    expect(result.parts[2]?.body).toEqual(allBytes);
  });

  it("tolerates bare LF line breaks, preamble, epilogue and transport padding", () => {
    const body = concat(
      "This is the preamble.\n--b1 \t\n",
      "Content-Type: text/plain\n\n",
      "first\n",
      "--b1\n",
      'Content-Disposition: form-data; name="second"\n\n',
      "second\n",
      "--b1--  \nThis is the epilogue.\n--b1\nnot a part\n",
    );
    const result = parseMultipart({ body, boundary: "b1" });
    expect(result.complete).toBe(true);
    expect(result.parts.map((part) => part.text)).toEqual(["first", "second"]);
    expect(result.parts[0]?.contentType).toBe("text/plain");
  });

  it("ignores the boundary when it is not at the start of a line or only a prefix", () => {
    const body = concat("--xyz\r\n\r\n", "a --xyz b\r\n--xyzzy\r\n", "--xyz--");
    const result = parseMultipart({ body, boundary: "xyz" });
    expect(result.parts.map((part) => part.text)).toEqual(["a --xyz b\r\n--xyzzy"]);
    expect(result.complete).toBe(true);
  });

  it("prefers an RFC 8187 filename* over filename", () => {
    const body = concat(
      "--b\r\n",
      'Content-Disposition: form-data; name="f"; filename="EUR rates.txt"; filename*=UTF-8\'\'%E2%82%AC%20rates.txt\r\n',
      "\r\n",
      "1\r\n--b\r\n",
      "Content-Disposition: form-data; name=f2; filename*=iso-8859-1'en'caf%E9.txt\r\n\r\n",
      "2\r\n--b\r\n",
      "Content-Disposition: form-data; name=f3; filename=\"fallback.txt\"; filename*=UTF-8''%FF\r\n\r\n",
      "3\r\n--b--",
    );
    const result = parseMultipart({ body, boundary: "b" });
    expect(result.parts.map((part) => part.filename)).toEqual([
      "€ rates.txt",
      "café.txt",
      "fallback.txt",
    ]);
    expect(result.parts.map((part) => part.text)).toEqual([null, null, null]);
  });

  it("reports an incomplete body and keeps the truncated last part", () => {
    const body = concat(
      "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--b\r\n\r\npartial da",
    );
    const result = parseMultipart({ body, boundary: "b" });
    expect(result.complete).toBe(false);
    expect(result.parts.map((part) => [part.name, part.text])).toEqual([
      ["a", "1"],
      [null, "partial da"],
    ]);
  });

  it("handles empty bodies, parts without headers and folded headers", () => {
    const body = concat(
      "--b\r\nContent-Disposition: form-data; name=empty\r\n\r\n\r\n",
      "--b\r\nno headers here\r\n",
      "--b\r\nX-Long: one\r\n two\r\ncontent-type: Text/Plain\r\n\r\nok\r\n",
      "--b\r\n\r\n\r\n",
      "--b--",
    );
    const result = parseMultipart({ body, boundary: "b" });
    expect(result.parts).toEqual([
      expect.objectContaining({ name: "empty", text: "", size: 0 }),
      expect.objectContaining({ headers: [], text: "no headers here" }),
      expect.objectContaining({
        headers: [
          ["X-Long", "one two"],
          ["content-type", "Text/Plain"],
        ],
        contentType: "Text/Plain",
        text: "ok",
      }),
      expect.objectContaining({ headers: [], text: "", size: 0 }),
    ]);
  });

  it("gives non-UTF-8 text fields a null text but keeps their bytes", () => {
    const body = concat(
      "--b\r\nContent-Disposition: form-data; name=x\r\n\r\n",
      new Uint8Array([0xe9]),
      "\r\n--b--",
    );
    const part = parseMultipart({ body, boundary: "b" }).parts[0];
    expect(part).toMatchObject({ name: "x", filename: null, text: null, size: 1 });
    expect(part?.body).toEqual(new Uint8Array([0xe9]));
  });

  it("decodes Latin-1 header bytes that are not valid UTF-8", () => {
    const body = concat(
      '--b\r\nContent-Disposition: form-data; name="f"; filename="caf',
      new Uint8Array([0xe9]),
      '.txt"\r\n\r\nx\r\n--b--',
    );
    expect(parseMultipart({ body, boundary: "b" }).parts[0]?.filename).toBe("café.txt");
  });

  it("returns copies so later mutation of the input does not change parts", () => {
    const body = concat("--b\r\n\r\nabc\r\n--b--");
    const part = parseMultipart({ body, boundary: "b" }).parts[0];
    body.fill(0);
    expect(part?.text).toBe("abc");
    expect(part?.body).toEqual(encoder.encode("abc"));
  });

  it("returns no parts when there is no delimiter, no body or no boundary", () => {
    expect(parseMultipart({ body: encoder.encode("just text"), boundary: "b" })).toEqual({
      parts: [],
      complete: false,
    });
    expect(parseMultipart({ body: new Uint8Array(), boundary: "b" })).toEqual({
      parts: [],
      complete: false,
    });
    expect(parseMultipart({ body: encoder.encode("--\r\n\r\nx"), boundary: "" })).toEqual({
      parts: [],
      complete: false,
    });
    expect(parseMultipart({ body: encoder.encode("--b--"), boundary: "b" })).toEqual({
      parts: [],
      complete: true,
    });
  });

  it("never throws on random input", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = encoder.encode("-b\r\n:;=\"\\*%'ab");
    for (let round = 0; round < 500; round++) {
      const body = Uint8Array.from({ length: Math.floor(random() * 200) }, () =>
        random() < 0.8
          ? (alphabet[Math.floor(random() * alphabet.length)] ?? 0)
          : Math.floor(random() * 256),
      );
      expect(() => parseMultipart({ body, boundary: "b" })).not.toThrow();
    }
  });

  it("stays linear on bodies full of near-miss boundaries", () => {
    const boundary = "a".repeat(70);
    const body = encoder.encode(("\n--" + "a".repeat(69) + "b").repeat(20_000));
    const started = performance.now();
    expect(parseMultipart({ body, boundary }).parts).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
