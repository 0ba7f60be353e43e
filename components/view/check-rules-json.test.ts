import { describe, expect, it } from "vitest";
import { checkRulesJson } from "@/components/view/check-rules-json";

describe("checkRulesJson", () => {
  it("reads an empty editor as no rules", () => {
    expect(checkRulesJson({ text: "  " })).toEqual({ ok: true, rules: [] });
  });

  it("accepts valid rules", () => {
    const text = '[{"when":{"path":"/a/*"},"response":{"status":202}}]';
    expect(checkRulesJson({ text })).toEqual({
      ok: true,
      rules: [{ when: { path: "/a/*" }, response: { status: 202 } }],
    });
  });

  it("names where a rule is wrong", () => {
    const text = '[{"response":{}},{"when":{"path":"a"},"response":{}}]';
    expect(checkRulesJson({ text })).toEqual({
      ok: false,
      message:
        "rules[1].when.path: path must start with / (a glob: * within a segment, ** across segments)",
    });
  });

  it("says when the text is not JSON", () => {
    expect(checkRulesJson({ text: "[{" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Not JSON/),
    });
  });
});
