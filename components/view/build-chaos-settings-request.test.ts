import { describe, expect, it } from "vitest";
import { buildChaosSettingsRequest } from "@/components/view/build-chaos-settings-request";

const form = { failureRate: "0.3", statuses: "500, 429", retryAfterSeconds: "9", gone: false };

describe("buildChaosSettingsRequest", () => {
  it("sends numbers as numbers", () => {
    expect(buildChaosSettingsRequest(form)).toEqual({
      chaos: { failureRate: 0.3, statuses: [500, 429], retryAfterSeconds: 9 },
      gone: false,
    });
  });

  it("turns chaos off for an empty or zero rate and keeps gone", () => {
    expect(buildChaosSettingsRequest({ ...form, failureRate: "0", gone: true })).toEqual({
      chaos: null,
      gone: true,
    });
  });

  it("sends what is not a number as typed, so the server names it", () => {
    expect(buildChaosSettingsRequest({ ...form, statuses: "500 abc" }).chaos?.statuses).toEqual([
      500,
      "abc",
    ]);
  });
});
