import { describe, expect, it } from "vitest";
import { buildJsonTreeRows } from "@/lib/payload/build-json-tree-rows";
import { planJsonReveal } from "@/lib/payload/plan-json-reveal";

describe("planJsonReveal", () => {
  it("expands and pages exactly what hides the target, which the tree then renders", () => {
    const root = { a: { b: Array.from({ length: 350 }, (_, index) => ({ index })) } };
    const plan = planJsonReveal({ root, pointer: "/a/b/230/index", childPage: 100 });
    expect(plan.id).toBe("$.0.0.230.0");
    expect([...plan.expand.keys()]).toEqual(["$", "$.0", "$.0.0", "$.0.0.230"]);
    expect(plan.limits).toEqual(new Map([["$.0.0", 300]]));
    const rows = buildJsonTreeRows({
      root,
      isExpanded: (id, depth) => plan.expand.get(id) ?? depth === 0,
      childLimit: (id) => plan.limits.get(id) ?? 100,
    });
    expect(rows.find((row) => row.id === plan.id)).toMatchObject({ key: "index", value: 230 });
  });
});
