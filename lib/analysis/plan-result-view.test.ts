import { describe, expect, it } from "vitest";

import { buildSampleAnalysis } from "@/lib/analysis/build-sample-analysis";
import { planResultView } from "@/lib/analysis/plan-result-view";
import type { ResultViewPlan } from "@/lib/analysis/result-view-plan";

function childrenOf(plan: ResultViewPlan): ResultViewPlan[] {
  if (plan.kind !== "section") throw new Error(`expected a section, got ${plan.kind}`);
  return plan.children;
}

describe("planResultView", () => {
  it("turns objects into labelled sections in key order", () => {
    expect(planResultView({ key: "quality", value: { agent_id: "a1", notes: null } })).toEqual({
      kind: "section",
      label: "Quality",
      children: [
        { kind: "text", label: "Agent ID", value: "a1" },
        { kind: "empty", label: "Notes" },
      ],
    });
  });

  it("turns booleans into pass/fail and null/undefined into empty", () => {
    expect(planResultView({ key: "first_call_resolution", value: true })).toEqual({
      kind: "passFail",
      label: "First call resolution",
      passed: true,
    });
    expect(planResultView({ key: "passed", value: false })).toMatchObject({ passed: false });
    expect(planResultView({ key: "x", value: undefined })).toEqual({ kind: "empty", label: "X" });
  });

  describe("numbers", () => {
    it.each([
      ["score", 0.92, 1, "92%"],
      ["empathy_score", 0.8, 1, "80%"],
      ["overall_score", 87, 100, "87/100"],
      ["csatScore", 100, 100, "100/100"],
      ["confidence", 1, 1, "100%"],
      ["probability", 0, 1, "0%"],
      ["talk_ratio", 0.58, 1, "58%"],
      ["resolution_rate", 42.25, 100, "42.3/100"],
      ["rating", 0.5, 1, "50%"],
      ["percent_silence", 0.5, 100, "0.5%"],
      ["hold_pct", 12, 100, "12%"],
      ["percentage", 100, 100, "100%"],
    ])("%s = %s → score bar out of %s (%s)", (key, value, max, display) => {
      expect(planResultView({ key, value })).toEqual({
        kind: "scoreBar",
        label: expect.any(String) as string,
        value,
        max,
        display,
      });
    });

    it.each([
      ["silence_seconds", 3.2, "not score-like"],
      ["word_count", 0.5, "not score-like"],
      ["scoreboard", 0.5, "score only as a whole word"],
      ["overall_score", 120, "above 100"],
      ["overall_score", -0.1, "negative"],
      ["rating", 4, "1–10 is ambiguous (4 stars? 4/10? 4/100?)"],
      ["empathy_score", 10, "1–10 is ambiguous"],
      ["hold_pct", 140, "percent above 100"],
      ["score", Number.NaN, "not finite"],
    ])("%s = %s → plain number (%s)", (key, value) => {
      expect(planResultView({ key, value })).toEqual({
        kind: "number",
        label: expect.any(String) as string,
        value,
      });
    });
  });

  it("turns arrays of strings and numbers into lists", () => {
    expect(planResultView({ key: "strengths", value: ["Calm", "Clear"] })).toEqual({
      kind: "list",
      label: "Strengths",
      items: ["Calm", "Clear"],
    });
    expect(planResultView({ key: "scores", value: [1, "two", 0.5] })).toEqual({
      kind: "list",
      label: "Scores",
      items: ["1", "two", "0.5"],
    });
    expect(planResultView({ key: "tags", value: [] })).toEqual({
      kind: "list",
      label: "Tags",
      items: [],
    });
  });

  describe("tables", () => {
    it("uses a table when every object has the same keys", () => {
      const value = [
        { name: "Greeting", passed: true, note: "ok" },
        { note: null, name: "Closing", passed: false },
      ];
      expect(planResultView({ key: "checks", value })).toEqual({
        kind: "table",
        label: "Checks",
        columns: ["Name", "Passed", "Note"],
        rows: [
          ["Greeting", true, "ok"],
          ["Closing", false, null],
        ],
      });
    });

    it("tolerates missing cells while every row has at least half the columns", () => {
      const value = [
        { name: "A", score: 1 },
        { name: "B", note: "x" },
      ];
      expect(planResultView({ key: "checks", value })).toEqual({
        kind: "table",
        label: "Checks",
        columns: ["Name", "Score", "Note"],
        rows: [
          ["A", 1, undefined],
          ["B", undefined, "x"],
        ],
      });
    });

    it("falls back to sections when a row has under half the columns", () => {
      const value = [{ a: 1, b: 2, c: 3 }, { d: 4 }];
      const plan = planResultView({ key: "items", value });
      expect(plan.kind).toBe("section");
      expect(childrenOf(plan).map((child) => child.label)).toEqual(["Item 1", "Item 2"]);
    });

    it("falls back to sections when a cell is nested", () => {
      const value = [
        { name: "A", details: { x: 1 } },
        { name: "B", details: { x: 2 } },
      ];
      const plan = planResultView({ key: "checks", value });
      expect(childrenOf(plan)[0]).toEqual({
        kind: "section",
        label: "Item 1",
        children: [
          { kind: "text", label: "Name", value: "A" },
          {
            kind: "section",
            label: "Details",
            children: [{ kind: "number", label: "X", value: 1 }],
          },
        ],
      });
    });

    it("does not build a table out of empty objects", () => {
      expect(planResultView({ key: "x", value: [{}, {}] }).kind).toBe("section");
    });
  });

  it("plans mixed arrays as sections with indexed children", () => {
    expect(planResultView({ key: "mixed", value: ["a", true, null, { b: 1 }, [2]] })).toEqual({
      kind: "section",
      label: "Mixed",
      children: [
        { kind: "text", label: "Item 1", value: "a" },
        { kind: "passFail", label: "Item 2", passed: true },
        { kind: "empty", label: "Item 3" },
        { kind: "section", label: "Item 4", children: [{ kind: "number", label: "B", value: 1 }] },
        { kind: "list", label: "Item 5", items: ["2"] },
      ],
    });
  });

  it("caps depth with a json node so hostile nesting stays bounded", () => {
    let value: unknown = { leaf: 1 };
    for (let level = 0; level < 10_000; level++) value = { deeper: value };
    let plan = planResultView({ key: "root", value });
    let depth = 0;
    while (plan.kind === "section") {
      const [child] = plan.children;
      if (!child) throw new Error("section without children");
      plan = child;
      depth++;
    }
    expect(depth).toBe(12);
    expect(plan.kind).toBe("json");
  });

  it("caps depth for nested arrays too", () => {
    let value: unknown = ["x"];
    for (let level = 0; level < 100; level++) value = [value, 1];
    expect(() => planResultView({ key: "a", value })).not.toThrow();
  });

  // The sample's sections, child by child: what the UI draws for each.
  const SAMPLE_SECTIONS: Record<string, Array<[string, ResultViewPlan["kind"]]>> = {
    compliance: [
      ["Passed", "passFail"],
      ["Score", "scoreBar"],
      ["Checks", "table"],
      ["Disclosures read", "list"],
    ],
    quality: [
      ["Overall score", "scoreBar"],
      ["Empathy score", "scoreBar"],
      ["Clarity score", "scoreBar"],
      ["Professionalism score", "scoreBar"],
      ["Talk ratio", "scoreBar"],
      ["Customer sentiment", "section"],
      ["Silence seconds", "number"],
      ["First call resolution", "passFail"],
    ],
    coaching: [
      ["Strengths", "list"],
      ["Improvements", "list"],
      ["Next steps", "text"],
    ],
  };

  it.each(Object.entries(SAMPLE_SECTIONS))(
    "plans the sample's %s results the way the UI expects",
    (key, children) => {
      const payload = buildSampleAnalysis({
        status: "completed",
        now: () => new Date(0),
        randomId: () => "id",
      });
      const plan = planResultView({ key, value: payload.results?.[key] });
      expect(childrenOf(plan).map((child) => [child.label, child.kind])).toEqual(children);
    },
  );
});
