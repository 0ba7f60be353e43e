import { describe, expect, it } from "vitest";
import { isSimulatedResponse } from "@/lib/payload/is-simulated-response";

describe("isSimulatedResponse", () => {
  it.each([
    [{ response: null, failFirst: null }, false],
    [{ response: null, failFirst: { count: 0, status: 503 } }, false],
    [{ response: null, failFirst: { count: 1, status: 503 } }, true],
    [{ response: { status: 200 }, failFirst: null }, true],
  ])("%o -> %s", (settings, expected) => {
    expect(isSimulatedResponse(settings)).toBe(expected);
  });
});

describe("isSimulatedResponse with rules, chaos and gone", () => {
  const none = { response: null, failFirst: null };
  it.each([
    [{ ...none, rules: [{}] }, true],
    [{ ...none, rules: [] }, false],
    [{ ...none, chaos: { failureRate: 0, statuses: [500] } }, false],
    [{ ...none, chaos: { failureRate: 0.1, statuses: [500] } }, true],
    [{ ...none, gone: true }, true],
  ])("%o -> %s", (settings, expected) => {
    expect(isSimulatedResponse(settings)).toBe(expected);
  });
});
