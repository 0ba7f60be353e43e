import { describe, expect, it } from "vitest";
import { binSettingsSchema } from "@/lib/bins/bin-settings-schema";

describe("binSettingsSchema response headers", () => {
  it("refuses each offending header by name, with why", () => {
    const result = binSettingsSchema.safeParse({
      response: {
        headers: { Location: "https://evil.example/", "X-A": "1", "x-a": "2", "X-B": "é" },
        contentType: "text/plain; charset=☃",
      },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map(({ path, message }) => [path.join("."), message])).toEqual([
      ["response.headers.Location", expect.stringMatching(/^Location cannot be set: .*redirect/)],
      ["response.headers.x-a", expect.stringMatching(/^x-a cannot be set: X-A is already set/)],
      ["response.headers.X-B", expect.stringMatching(/^X-B cannot be set: .*visible ASCII/)],
      ["response.contentType", expect.stringMatching(/^Content-Type cannot be set: .*ASCII/)],
    ]);
  });

  it("stores a Content-Type header as contentType, so one goes on the wire", () => {
    expect(
      binSettingsSchema.parse({
        response: { status: 201, headers: { "content-type": "text/csv", "X-A": "1" } },
      }),
    ).toEqual({ response: { status: 201, headers: { "X-A": "1" }, contentType: "text/csv" } });
    expect(
      binSettingsSchema.parse({ response: { headers: { "Content-Type": "text/csv" } } }),
    ).toEqual({ response: { contentType: "text/csv" } });
  });

  it("still refuses unknown keys", () => {
    expect(binSettingsSchema.safeParse({ response: { unknown: 1 } }).success).toBe(false);
  });
});

// bins.settings is jsonb (no U+0000, no lone surrogate) and the secret is encrypted from UTF-8.
describe("binSettingsSchema text PostgreSQL cannot store", () => {
  const rule = (when: unknown, response: unknown = {}) => ({ rules: [{ when, response }] });

  it.each([
    [{ response: { body: "a\u0000b" } }, "response.body"],
    [{ response: { body: "\ud800" } }, "response.body"],
    [rule({ path: "/\u0000" }), "rules.0.when.path"],
    [rule({ path: "/a\udc00" }), "rules.0.when.path"],
    [rule({ header: { name: "x\u0000" } }), "rules.0.when.header.name"],
    [rule({ header: { name: "x", contains: "\ud83d" } }), "rules.0.when.header.contains"],
    [rule({ json: { path: "a.\u0000", equals: 1 } }), "rules.0.when.json.path"],
    [rule({ json: { path: "a", equals: "\udfff" } }), "rules.0.when.json.equals"],
    [rule({}, { body: "\u0000" }), "rules.0.response.body"],
    [{ webhookSecret: "whsec_\ud800" }, "webhookSecret"],
    [{ webhookSecret: "a\u0000" }, "webhookSecret"],
  ])("refuses %j, naming %s", (input, field) => {
    const result = binSettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map(({ path, message }) => [path.join("."), message])).toEqual([
      [field, "must not contain U+0000 or a lone surrogate"],
    ]);
  });

  it("keeps paired surrogates, and a JSON Schema's strings as they are (stored as JSON text)", () => {
    const input = {
      response: { body: "ok 😀" },
      webhookSecret: "😀",
      jsonSchema: { not: { pattern: "\u0000|\ud800" } },
      ...rule({ path: "/😀", json: { path: "😀", equals: "😀" } }),
    };
    expect(binSettingsSchema.safeParse(input).success).toBe(true);
  });
});
