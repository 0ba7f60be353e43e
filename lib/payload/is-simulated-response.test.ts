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
