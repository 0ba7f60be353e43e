import { describe, expect, it } from "vitest";

import { decodePercent } from "@/lib/payload/decode-percent";

describe("decodePercent", () => {
  it.each([
    ["plain", "plain"],
    ["a%20b", "a b"],
    ["%E2%82%AC%e2%82%ac", "€€"],
    ["%F0%9F%98%80", "😀"],
    ["a+b", "a+b"],
    ["100%", "100%"],
    ["%zz%2", "%zz%2"],
    ["%", "%"],
    ["%FF", "%FF"],
    ["%ff%41", "%ffA"],
    ["%E2%82", "%E2%82"],
    ["%E2%82%41", "%E2%82A"],
    ["%C3%A9%FF%C3%A9", "é%FFé"],
    ["%ED%A0%80", "%ED%A0%80"],
  ])("decodes %j as %j", (text, expected) => {
    expect(decodePercent({ text })).toBe(expected);
  });
});
