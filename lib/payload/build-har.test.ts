import { describe, expect, it } from "vitest";

import { buildHar, type HarEntryInput } from "@/lib/payload/build-har";
import { buildCapturedRequest } from "@/test/support/build-captured-request";

const encoder = new TextEncoder();

type Checker = (value: unknown, path: string, errors: string[]) => void;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const str: Checker = (value, path, errors) => {
  if (typeof value !== "string") errors.push(`${path} must be a string`);
};
const num: Checker = (value, path, errors) => {
  if (typeof value !== "number" || !Number.isFinite(value)) errors.push(`${path} must be a number`);
};
const arrayOf =
  (item: Checker): Checker =>
  (value, path, errors) => {
    if (!Array.isArray(value)) errors.push(`${path} must be an array`);
    else value.forEach((element, index) => item(element, `${path}[${index}]`, errors));
  };
const object =
  (required: Record<string, Checker>, optional: Record<string, Checker> = {}): Checker =>
  (value, path, errors) => {
    if (!isRecord(value)) {
      errors.push(`${path} must be an object`);
      return;
    }
    for (const [key, check] of Object.entries(required)) {
      if (!(key in value)) errors.push(`${path}.${key} is required`);
      else check(value[key], `${path}.${key}`, errors);
    }
    for (const [key, check] of Object.entries(optional)) {
      if (key in value) check(value[key], `${path}.${key}`, errors);
    }
    for (const key of Object.keys(value)) {
      // HAR 1.2 allows custom fields only with a leading underscore.
      if (!(key in required) && !(key in optional) && !key.startsWith("_")) {
        errors.push(`${path}.${key} is not a HAR 1.2 field`);
      }
    }
  };
const isoDate: Checker = (value, path, errors) => {
  str(value, path, errors);
  if (typeof value === "string" && Number.isNaN(Date.parse(value))) {
    errors.push(`${path} must be an ISO 8601 date`);
  }
};
const nameValue = object({ name: str, value: str }, { comment: str });
const cookie = object(
  { name: str, value: str },
  { path: str, domain: str, expires: str, httpOnly: () => {}, secure: () => {}, comment: str },
);
const postData = object(
  { mimeType: str },
  {
    text: str,
    params: arrayOf(object({ name: str }, { value: str, fileName: str, contentType: str })),
    comment: str,
  },
);
const harSchema = object({
  log: object(
    {
      version: (value, path, errors) => {
        if (value !== "1.2") errors.push(`${path} must be "1.2"`);
      },
      creator: object({ name: str, version: str }, { comment: str }),
      entries: arrayOf(
        object(
          {
            startedDateTime: isoDate,
            time: num,
            request: object(
              {
                method: str,
                url: str,
                httpVersion: str,
                cookies: arrayOf(cookie),
                headers: arrayOf(nameValue),
                queryString: arrayOf(nameValue),
                headersSize: num,
                bodySize: num,
              },
              { postData, comment: str },
            ),
            response: object(
              {
                status: num,
                statusText: str,
                httpVersion: str,
                cookies: arrayOf(cookie),
                headers: arrayOf(nameValue),
                content: object(
                  { size: num, mimeType: str },
                  { compression: num, text: str, encoding: str, comment: str },
                ),
                redirectURL: str,
                headersSize: num,
                bodySize: num,
              },
              { comment: str },
            ),
            cache: object({}, { beforeRequest: () => {}, afterRequest: () => {}, comment: str }),
            timings: object(
              { send: num, wait: num, receive: num },
              { blocked: num, dns: num, connect: num, ssl: num, comment: str },
            ),
          },
          { pageref: str, serverIPAddress: str, connection: str, comment: str },
        ),
      ),
    },
    {
      browser: object({ name: str, version: str }, { comment: str }),
      pages: () => {},
      comment: str,
    },
  ),
});

function validateHar(value: unknown): string[] {
  const errors: string[] = [];
  harSchema(value, "har", errors);
  return errors;
}

const captured = buildCapturedRequest;

const creator = { name: "Webhook Echo", version: "0.1.0" };

describe("buildHar", () => {
  const textEntry: HarEntryInput = {
    request: captured({
      path: "/webhooks/analysis",
      query: "a=1&a=2&q=x+y",
      headers: [
        ["Host", "echo.example"],
        ["Content-Type", "application/json"],
        ["Cookie", "session=abc; theme=dark"],
        ["X-Dup", "1"],
        ["X-Dup", "2"],
      ],
      body: encoder.encode('{"event":"ping","é":"€"}'),
      contentType: "application/json",
    }),
    url: "https://echo.example/echo/abc/webhooks/analysis?a=1&a=2&q=x+y",
    receivedAt: "2025-01-02T03:04:05.678Z",
    response: {
      status: 201,
      headers: [
        ["Content-Type", "text/plain"],
        ["Set-Cookie", "id=7; Path=/; HttpOnly"],
      ],
      body: "créé",
    },
  };
  const binaryEntry: HarEntryInput = {
    request: captured({
      method: "PUT",
      body: new Uint8Array([0x00, 0xff, 0xfe, 0x80]),
      contentType: "application/octet-stream",
    }),
    url: "https://echo.example/echo/abc/hook",
    receivedAt: "2025-01-02T03:04:06.000Z",
  };
  const emptyEntry: HarEntryInput = {
    request: captured({ method: "GET" }),
    url: "https://echo.example/echo/abc/hook",
    receivedAt: "2025-01-02T03:04:07.000Z",
    response: { status: 302, headers: [["Location", "/elsewhere"]], body: "" },
  };

  it("produces a document that satisfies the HAR 1.2 structure and survives JSON", () => {
    const har = buildHar({ entries: [textEntry, binaryEntry, emptyEntry], creator });
    const roundTripped = JSON.parse(JSON.stringify(har)) as unknown;
    expect(roundTripped).toEqual(har);
    expect(validateHar(roundTripped)).toEqual([]);
    expect(har.log.version).toBe("1.2");
    expect(har.log.creator).toEqual(creator);
    expect(har.log.entries).toHaveLength(3);
  });

  it("validator catches structural mistakes", () => {
    const har = buildHar({ entries: [textEntry], creator }) as unknown as {
      log: { entries: Array<Record<string, unknown>> };
    };
    const entry = har.log.entries[0];
    if (entry === undefined) throw new Error("missing entry");
    delete entry.timings;
    entry.extra = true;
    expect(validateHar(har)).toEqual([
      "har.log.entries[0].timings is required",
      "har.log.entries[0].extra is not a HAR 1.2 field",
    ]);
  });

  it("records the request with ordered headers, query, cookies and UTF-8 body text", () => {
    const [entry] = buildHar({ entries: [textEntry], creator }).log.entries;
    expect(entry?.startedDateTime).toBe("2025-01-02T03:04:05.678Z");
    expect(entry?.request).toEqual({
      method: "POST",
      url: textEntry.url,
      httpVersion: "HTTP/1.1",
      cookies: [
        { name: "session", value: "abc" },
        { name: "theme", value: "dark" },
      ],
      // Every header as captured, in order, duplicates kept.
      headers: textEntry.request.headers.map(([name, value]) => ({ name, value })),
      queryString: [
        { name: "a", value: "1" },
        { name: "a", value: "2" },
        { name: "q", value: "x y" },
      ],
      postData: { mimeType: "application/json", text: '{"event":"ping","é":"€"}' },
      headersSize: -1,
      bodySize: encoder.encode('{"event":"ping","é":"€"}').length,
    });
  });

  it("records the response with byte size, mime type and cookies", () => {
    const [entry] = buildHar({ entries: [textEntry], creator }).log.entries;
    expect(entry?.response).toEqual({
      status: 201,
      statusText: "Created",
      httpVersion: "HTTP/1.1",
      cookies: [{ name: "id", value: "7" }],
      headers: [
        { name: "Content-Type", value: "text/plain" },
        { name: "Set-Cookie", value: "id=7; Path=/; HttpOnly" },
      ],
      content: { size: 6, mimeType: "text/plain", text: "créé" },
      redirectURL: "",
      headersSize: -1,
      bodySize: 6,
    });
    expect(entry?.cache).toEqual({});
    expect(entry?.timings).toEqual({ send: 0, wait: 0, receive: 0 });
    expect(entry?.time).toBe(0);
  });

  it("stores binary bodies as base64 flagged with comment and _encoding", () => {
    const [entry] = buildHar({ entries: [binaryEntry], creator }).log.entries;
    expect(entry?.request.postData).toEqual({
      mimeType: "application/octet-stream",
      text: "AP/+gA==",
      comment: "base64",
      _encoding: "base64",
    });
    expect(entry?.request.bodySize).toBe(4);
  });

  it("omits postData for empty bodies and fills a placeholder when no response was recorded", () => {
    const [binary, empty] = buildHar({ entries: [binaryEntry, emptyEntry], creator }).log.entries;
    expect(empty?.request.postData).toBeUndefined();
    expect(empty?.request.bodySize).toBe(0);
    expect(empty?.response).toMatchObject({ status: 302, statusText: "Found" });
    expect(empty?.response.redirectURL).toBe("/elsewhere");
    expect(empty?.response.content).toEqual({ size: 0, mimeType: "x-unknown", text: "" });
    expect(binary?.response).toMatchObject({ status: 0, statusText: "", bodySize: -1 });
  });

  it("keeps a leading BOM in UTF-8 post data and uses an empty mime type when unknown", () => {
    const [entry] = buildHar({
      entries: [{ ...binaryEntry, request: captured({ body: encoder.encode("\uFEFFhi") }) }],
      creator,
    }).log.entries;
    expect(entry?.request.postData).toEqual({ mimeType: "", text: "\uFEFFhi" });
  });

  it("builds an empty log", () => {
    const har = buildHar({ entries: [], creator });
    expect(har).toEqual({ log: { version: "1.2", creator, entries: [] } });
    expect(validateHar(har)).toEqual([]);
  });
});
