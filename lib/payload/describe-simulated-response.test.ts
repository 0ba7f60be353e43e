import { describe, expect, it } from "vitest";
import { describeSimulatedResponse } from "@/lib/payload/describe-simulated-response";

describe("describeSimulatedResponse", () => {
  it("describes the default answer", () => {
    expect(describeSimulatedResponse({ response: null, failFirst: null })).toBe(
      "Answers 200 with the default JSON",
    );
  });

  it("describes status, delay and fail-first", () => {
    expect(
      describeSimulatedResponse({
        response: { status: 503, delayMs: 2000 },
        failFirst: { count: 2, status: 503 },
      }),
    ).toBe("Answers 503 after 2000 ms; fails the first 2 attempts of each analysis with 503");
  });

  it("mentions custom bodies and headers", () => {
    expect(
      describeSimulatedResponse({
        response: { status: 418, body: "short and stout", headers: { "X-Tea": "1" } },
        failFirst: null,
      }),
    ).toBe("Answers 418 with a custom text/plain body and 1 extra header");
    expect(
      describeSimulatedResponse({
        response: { body: "{}", contentType: "application/json", headers: { a: "1", b: "2" } },
        failFirst: { count: 1, status: 500 },
      }),
    ).toBe(
      "Answers 200 with a custom application/json body and 2 extra headers; fails the first attempt of each analysis with 500",
    );
    expect(describeSimulatedResponse({ response: { body: "" }, failFirst: null })).toBe(
      "Answers 200 with an empty body",
    );
  });

  it("ignores a fail-first count of zero", () => {
    expect(
      describeSimulatedResponse({
        response: { status: 204 },
        failFirst: { count: 0, status: 503 },
      }),
    ).toBe("Answers 204");
  });
});

describe("describeSimulatedResponse with gone, chaos and rules", () => {
  it("lists them in the planner's precedence before the fallback answer", () => {
    expect(
      describeSimulatedResponse({
        response: null,
        failFirst: null,
        gone: true,
        chaos: { failureRate: 0.125, statuses: [500, 429] },
        rules: [{}, {}],
      }),
    ).toBe(
      "Answers 410 Gone to every delivery (like an unsubscribed endpoint); fails 12.5% of deliveries at random with 500/429; 2 response rules (first match wins); otherwise answers 200 with the default JSON",
    );
  });
});
