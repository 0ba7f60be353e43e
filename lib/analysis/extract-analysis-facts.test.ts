import { describe, expect, it } from "vitest";
import { extractAnalysisFacts } from "@/lib/analysis/extract-analysis-facts";

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("extractAnalysisFacts", () => {
  it("reads id, status and agent of an analysis", () => {
    const body = encode({
      id: "an_1",
      object: "analysis",
      status: "completed",
      call: { agent_id: "agent_007", contact_id: "c" },
    });
    expect(extractAnalysisFacts({ body })).toEqual({
      id: "an_1",
      status: "completed",
      agent: "agent_007",
    });
  });

  it.each([
    ["no call section", { id: "an_2", object: "analysis", status: "failed" }, "failed", null],
    [
      "a numeric agent",
      { id: "an_3", object: "analysis", status: "failed", call: { agent_id: 7 } },
      "failed",
      null,
    ],
    ["an over-long status", { id: "an_4", object: "analysis", status: "s".repeat(33) }, null, null],
    [
      "a call that is an array",
      { id: "an_5", object: "analysis", status: "x", call: ["agent"] },
      "x",
      null,
    ],
  ])("%s", (_, payload, status, agent) => {
    expect(extractAnalysisFacts({ body: encode(payload) })).toMatchObject({ status, agent });
  });

  it("keeps an inherited agent_id out (own keys only)", () => {
    const body = new TextEncoder().encode(
      '{"id":"an_6","object":"analysis","status":"completed","call":{"__proto__":{"agent_id":"x"}}}',
    );
    expect(extractAnalysisFacts({ body })?.agent).toBeNull();
  });

  it("is null for bodies that are not analyses", () => {
    expect(extractAnalysisFacts({ body: encode({ id: "x", object: "charge" }) })).toBeNull();
    expect(extractAnalysisFacts({ body: new Uint8Array([0x7b, 0xff, 0x7d]) })).toBeNull();
  });
});
