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
