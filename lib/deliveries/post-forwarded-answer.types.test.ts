import { describe, expect, it } from "vitest";
import { postForwardedAnswerInputSchema } from "@/lib/deliveries/post-forwarded-answer.types";

// The row records the error and refused headers' names in jsonb: no U+0000, no lone surrogate.
describe("postForwardedAnswerInputSchema", () => {
  const answer = (headers: Array<[string, string]>) => ({ status: 200, headers, bodyBase64: "" });

  it.each([
    [answer([["\ud800", "x"]]), "headers.0.0"],
    [
      answer([
        ["X-Ok", "1"],
        ["X\u0000", "x"],
      ]),
      "headers.1.0",
    ],
    [answer([["X-Ok", "a\udfffb"]]), "headers.0.1"],
    [answer([["X-Ok", "\u0000"]]), "headers.0.1"],
    [{ error: "refused \ud800" }, "error"],
    [{ error: "a\u0000b" }, "error"],
  ])("refuses %j, naming %s", (input, field) => {
    const result = postForwardedAnswerInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map(({ path, message }) => [path.join("."), message])).toEqual([
      [field, "must not contain U+0000 or a lone surrogate"],
    ]);
  });

  it.each([
    answer([
      ["X-Emoji", "😀"],
      ["Set-Cookie", "a=b"],
    ]),
    answer([]),
    { error: "connect ECONNREFUSED 127.0.0.1:3000 😀" },
  ])("accepts %j", (input) => {
    expect(postForwardedAnswerInputSchema.safeParse(input).success).toBe(true);
  });
});
