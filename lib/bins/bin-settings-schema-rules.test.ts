import { describe, expect, it } from "vitest";
import { binSettingsSchema, RULE_LIMITS } from "@/lib/bins/bin-settings-schema";

function issues(input: unknown): string[] {
  const result = binSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("binSettingsSchema rules and chaos", () => {
  it("accepts a full rule and fills defaults", () => {
    const parsed = binSettingsSchema.parse({
      rules: [
        {
          when: {
            method: "post",
            path: "/webhooks/*",
            header: { name: "X-Event" },
            json: { path: "$.type", equals: "x" },
          },
          response: { status: 202, headers: { "content-type": "text/csv" }, delayMs: 10 },
        },
        { response: {} },
      ],
      chaos: { failureRate: 0.25 },
      gone: false,
    });
    expect(parsed.rules?.[0]?.when.header).toEqual({ name: "X-Event", contains: "" });
    expect(parsed.rules?.[0]?.response).toEqual({
      status: 202,
      contentType: "text/csv",
      delayMs: 10,
    });
    expect(parsed.rules?.[1]?.when).toEqual({});
    expect(parsed.chaos).toEqual({
      failureRate: 0.25,
      statuses: [500, 503, 429],
      retryAfterSeconds: 5,
    });
  });

  it.each([
    [{ rules: [{ when: { path: "webhooks/*" }, response: {} }] }, "path must start with /"],
    [{ rules: [{ when: { method: "PO ST" }, response: {} }] }, "method must be 1-20 letters"],
    [{ rules: [{ when: { regex: ".*" }, response: {} }] }, "Unrecognized key"],
    [{ rules: [{ response: { headers: { Location: "/x" } } }] }, "Location cannot be set"],
    [{ rules: [{ response: { delayMs: 120_001 } }] }, "Too big"],
    [
      { rules: [{ when: { json: { path: "a", equals: { b: 1 } } }, response: {} }] },
      "Invalid input",
    ],
    [{ chaos: { failureRate: 1.5 } }, "Too big"],
    [{ chaos: { failureRate: 0.5, statuses: [] } }, "Too small"],
    [{ chaos: { failureRate: 0.5, statuses: [200] } }, "Too small"],
    [{ chaos: { failureRate: 0.5, statuses: [500, 500] } }, "statuses must not repeat"],
    [{ gone: "yes" }, "Invalid input"],
  ])("refuses %j", (input, message) => {
    expect(issues(input).join("\n")).toContain(message);
  });

  it("bounds the number of rules and their total size", () => {
    const many = Array.from({ length: RULE_LIMITS.count + 1 }, () => ({ response: {} }));
    expect(issues({ rules: many }).join()).toContain("Too big");
    const fat = Array.from({ length: 3 }, () => ({ response: { body: "x".repeat(60_000) } }));
    expect(issues({ rules: fat }).join()).toContain(`at most ${RULE_LIMITS.totalChars}`);
  });
});
