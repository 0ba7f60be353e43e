import { describe, expect, it } from "vitest";
import { planResponse } from "@/lib/capture/plan-response";

const none = { response: null, failFirst: null };

describe("planResponse", () => {
  it("answers 200 with the default body when nothing is configured", () => {
    expect(planResponse({ settings: none, path: "/x", priorAttempts: null })).toEqual({
      status: 200,
      headers: {},
      body: null,
      contentType: null,
      delayMs: 0,
      reason: "default",
    });
  });

  it("uses the bin's response settings", () => {
    const response = {
      status: 202,
      headers: { "X-A": "b" },
      body: "ok",
      contentType: "text/plain",
      delayMs: 50,
    };
    const settings = { response, failFirst: null };
    expect(planResponse({ settings, path: "", priorAttempts: null })).toMatchObject({
      ...response,
      reason: "settings",
    });
  });

  it("plans a settings object's answer once and shares it frozen (callers cannot change it)", () => {
    const response = { status: 202, headers: { "X-A": "b" }, delayMs: 0 };
    const settings = { response, failFirst: null };
    const first = planResponse({ settings, path: "", priorAttempts: null });
    expect(planResponse({ settings, path: "/other", priorAttempts: null })).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.headers)).toBe(true);
    expect(planResponse({ settings: none, path: "", priorAttempts: null })).toBe(
      planResponse({ settings: { ...none }, path: "", priorAttempts: null }),
    );
    // Another settings object (the bin changed) is planned afresh.
    const changed = { response: { ...response, status: 201 }, failFirst: null };
    expect(planResponse({ settings: changed, path: "", priorAttempts: null }).status).toBe(201);
    expect(() => {
      (first as { status: number }).status = 500;
    }).toThrow(TypeError);
  });

  it.each([
    ["/status/503", 503],
    ["/status/418/anything", 418],
    ["/status/200", 200],
  ])("honours the %s path override", (path, status) => {
    expect(planResponse({ settings: none, path, priorAttempts: null })).toMatchObject({
      status,
      reason: "status-path",
    });
  });

  it.each([
    "/status/99",
    "/status/600",
    "/status/5000",
    "/status/abc",
    "/statusx/500",
    "/a/status/500",
    "/status/100",
  ])("ignores %s", (path) => {
    expect(planResponse({ settings: none, path, priorAttempts: null }).status).toBe(200);
  });

  it("fails the first N attempts, then answers normally", () => {
    const settings = { response: { status: 201 }, failFirst: { count: 2, status: 503 } };
    expect(planResponse({ settings, path: "", priorAttempts: 0 })).toMatchObject({
      status: 503,
      reason: "fail-first",
      attempt: 1,
    });
    expect(planResponse({ settings, path: "", priorAttempts: 1 })).toMatchObject({
      status: 503,
      attempt: 2,
    });
    expect(planResponse({ settings, path: "", priorAttempts: 2 })).toMatchObject({
      status: 201,
      reason: "settings",
    });
    expect(planResponse({ settings, path: "/status/500", priorAttempts: 0 })).toMatchObject({
      status: 503,
      reason: "fail-first",
    });
  });

  it("keeps the configured delay when failing first (a slow failure is still a failure)", () => {
    const settings = { response: { delayMs: 100 }, failFirst: { count: 1, status: 500 } };
    expect(planResponse({ settings, path: "", priorAttempts: 0 })).toMatchObject({
      status: 500,
      delayMs: 100,
    });
  });
});

describe("planResponse with stored settings that break today's header rules", () => {
  it("drops the offending headers, keeps the rest of the answer and says what it dropped", () => {
    const settings = {
      response: {
        status: 202,
        headers: {
          Location: "https://evil.example/",
          "X-Ok": "1",
          "x-ok": "2",
          "X-Snow": "☃",
          "content-type": "text/csv",
        },
        body: "a,b",
      },
      failFirst: null,
    };
    const plan = planResponse({ settings, path: "", priorAttempts: null });
    expect(plan).toMatchObject({
      status: 202,
      headers: { "X-Ok": "1" },
      body: "a,b",
      contentType: "text/csv",
      reason: "settings",
    });
    expect(plan.droppedHeaders?.map(({ name }) => name)).toEqual(["Location", "x-ok", "X-Snow"]);
  });

  it("reports nothing when the settings follow the rules", () => {
    const settings = { response: { headers: { "X-A": "b" } }, failFirst: null };
    expect(planResponse({ settings, path: "", priorAttempts: null })).not.toHaveProperty(
      "droppedHeaders",
    );
  });
});
