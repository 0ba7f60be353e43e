import { describe, expect, it } from "vitest";
import { buildDefaultAnswer } from "@/lib/payload/build-default-answer";
import { simulatedFailureSchema } from "@/lib/payload/simulated-failure-schema";

const deliveryId = "0190f0f0-0000-7000-8000-000000000000";

describe("buildDefaultAnswer", () => {
  it("answers a success with the receipt", () => {
    for (const plan of [
      { status: 200, reason: "default" as const },
      { status: 201, reason: "settings" as const },
      { status: 302, reason: "status-path" as const },
    ]) {
      const answer = buildDefaultAnswer({ plan, deliveryId });
      // Byte for byte what it always was: JSON.stringify of the receipt object.
      expect(answer.body).toBe(JSON.stringify({ received: true, deliveryId }));
      expect(JSON.parse(answer.body)).toEqual({ received: true, deliveryId });
      expect(answer.contentType).toBe("application/json; charset=utf-8");
    }
  });

  it("a failure status with a reason that is not a simulated one (nor an Object key) gets the receipt", () => {
    for (const reason of ["default", "toString", "constructor"]) {
      const plan = { status: 500, reason } as unknown as Parameters<
        typeof buildDefaultAnswer
      >[0]["plan"];
      const answer = buildDefaultAnswer({ plan, deliveryId: 'odd "id" é' });
      expect(answer.body).toBe(JSON.stringify({ received: true, deliveryId: 'odd "id" é' }));
    }
  });

  it.each([
    [{ status: 503, reason: "fail-first" as const, attempt: 2 }, /fail-first.*\(attempt 2\)/],
    [{ status: 500, reason: "status-path" as const }, /\/status\/<code> path/],
    [{ status: 429, reason: "settings" as const }, /response settings/],
  ])("answers a simulated %o failure with a body that says so, never the receipt", (plan, why) => {
    const parsed: unknown = JSON.parse(buildDefaultAnswer({ plan, deliveryId }).body);
    expect(parsed).not.toHaveProperty("received");
    const failure = simulatedFailureSchema.parse(parsed);
    expect(failure).toMatchObject({ simulated: true, status: plan.status, deliveryId });
    expect(failure.message).toMatch(new RegExp(`^Simulated ${plan.status} `));
    expect(failure.message).toMatch(why);
  });
});
