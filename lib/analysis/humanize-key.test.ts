import { describe, expect, it } from "vitest";

import { humanizeKey } from "@/lib/analysis/humanize-key";

describe("humanizeKey", () => {
  it.each([
    ["first_call_resolution", "First call resolution"],
    ["camelCaseKey", "Camel case key"],
    ["PascalCaseKey", "Pascal case key"],
    ["kebab-case-key", "Kebab case key"],
    ["csat_score", "CSAT score"],
    ["npsScore", "NPS score"],
    ["agent_id", "Agent ID"],
    ["id", "ID"],
    ["audio_url", "Audio URL"],
    ["APIKey", "API key"],
    ["agentID", "Agent ID"],
    ["ivr_path", "IVR path"],
    ["pii_detected", "PII detected"],
    ["sla_breached", "SLA breached"],
    ["aht_seconds", "AHT seconds"],
    ["segment_ids", "Segment IDs"],
    ["__private__", "Private"],
    ["top3_issues", "Top3 issues"],
    ["disclosures_read", "Disclosures read"],
    ["SCORE", "Score"],
    ["qualité_générale", "Qualité générale"],
  ])("%s → %s", (key, label) => {
    expect(humanizeKey({ key })).toBe(label);
  });

  it("leaves acronym look-alikes inside words alone", () => {
    expect(humanizeKey({ key: "identity_check" })).toBe("Identity check");
    expect(humanizeKey({ key: "apiary" })).toBe("Apiary");
  });

  it("returns keys without words unchanged", () => {
    expect(humanizeKey({ key: "" })).toBe("");
    expect(humanizeKey({ key: "___" })).toBe("___");
  });
});
