import { describe, expect, it } from "vitest";
import { planResponse } from "@/lib/capture/plan-response";
import type { ResponseRule, SimulationSettings } from "@/lib/bins/bin-settings-schema";

const request = {
  method: "POST",
  headers: [["Content-Type", "application/json"]] as Array<[string, string]>,
  json: { ok: true as const, value: { type: "analysis.completed" } },
};

const rule: ResponseRule = { when: { method: "post" }, response: { status: 202, body: "ruled" } };
const chaos = { failureRate: 0.5, statuses: [500, 503, 429], retryAfterSeconds: 7 };

function plan(settings: Partial<SimulationSettings>, draws: number[] = [], path = "/x") {
  const queue = [...draws];
  return planResponse({
    settings: { response: { status: 201 }, failFirst: null, ...settings },
    path,
    priorAttempts: settings.failFirst ? 0 : null,
    request,
    random: () => {
      const next = queue.shift();
      if (next === undefined) throw new Error("random() drawn more often than expected");
      return next;
    },
  });
}

describe("planResponse precedence: gone > fail-first > chaos > rule > /status path > settings", () => {
  const everything: Partial<SimulationSettings> = {
    gone: true,
    failFirst: { count: 1, status: 502 },
    chaos,
    rules: [rule],
  };

  it("gone wins over everything, with no body of its own (the SimulatedFailure is sent)", () => {
    expect(plan(everything, [], "/status/418")).toMatchObject({
      status: 410,
      reason: "gone",
      body: null,
    });
  });

  it("fail-first wins over chaos, rules and the status path, and draws no random number", () => {
    expect(plan({ ...everything, gone: false }, [], "/status/418")).toMatchObject({
      status: 502,
      reason: "fail-first",
    });
  });

  it("chaos wins over a matching rule and the status path", () => {
    expect(plan({ chaos, rules: [rule] }, [0.1, 0.5], "/status/418")).toMatchObject({
      status: 503,
      reason: "chaos",
      body: null,
      headers: { "Retry-After": "7" },
    });
  });

  it("a rule wins over the status path once chaos spares the capture", () => {
    expect(plan({ chaos, rules: [rule] }, [0.9], "/status/418")).toMatchObject({
      status: 202,
      body: "ruled",
      reason: "rule",
      rule: 1,
    });
  });

  it("the status path wins over the settings when no rule matches", () => {
    const getOnly: ResponseRule = { when: { method: "GET" }, response: { status: 299 } };
    expect(plan({ rules: [getOnly] }, [], "/status/418")).toMatchObject({
      status: 418,
      reason: "status-path",
    });
    expect(plan({ rules: [getOnly] }, [])).toMatchObject({ status: 201, reason: "settings" });
  });

  it("a rule's answer replaces the settings entirely (its own headers, delay, defaults)", () => {
    const settings = { response: { status: 201, headers: { "X-Bin": "1" }, delayMs: 10 } };
    const own: ResponseRule = { when: {}, response: { headers: { "X-Rule": "2" }, delayMs: 25 } };
    expect(
      planResponse({
        settings: { ...settings, failFirst: null, rules: [own] },
        path: "",
        priorAttempts: null,
      }),
    ).toEqual({
      status: 200,
      headers: { "X-Rule": "2" },
      body: null,
      contentType: null,
      delayMs: 25,
      reason: "rule",
      rule: 1,
    });
  });

  it("drops a stored rule's headers that break today's rules", () => {
    const stale: ResponseRule = { when: {}, response: { headers: { Location: "https://x/" } } };
    const result = plan({ rules: [stale] });
    expect(result.headers).toEqual({});
    expect(result.droppedHeaders?.map(({ name }) => name)).toEqual(["Location"]);
  });
});

describe("planResponse chaos with an injected random()", () => {
  it.each([
    [[0.49, 0], 500],
    [[0.2, 0.34], 503],
    [[0, 0.99], 429],
  ])("draws %j -> %i", (draws, status) => {
    expect(plan({ chaos }, draws)).toMatchObject({ status, reason: "chaos" });
  });

  it("spares a capture when the draw is at or above the rate", () => {
    expect(plan({ chaos }, [0.5])).toMatchObject({ status: 201, reason: "settings" });
  });

  it("adds Retry-After to 429 and 503 only", () => {
    const only500 = { ...chaos, statuses: [500] };
    expect(plan({ chaos: only500 }, [0, 0]).headers).not.toHaveProperty("Retry-After");
    expect(plan({ chaos: { ...chaos, statuses: [429] } }, [0, 0]).headers).toEqual({
      "Retry-After": "7",
    });
  });

  it("rate 0 never fails and rate 1 always does", () => {
    const never = { ...chaos, failureRate: 0 };
    expect(plan({ chaos: never }, [])).toMatchObject({ reason: "settings" });
    const always = { ...chaos, failureRate: 1 };
    expect(plan({ chaos: always }, [0.999999, 0.999999])).toMatchObject({ status: 429 });
  });
});
