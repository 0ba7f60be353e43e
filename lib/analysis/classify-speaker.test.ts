import { describe, expect, it } from "vitest";
import { classifySpeaker } from "@/lib/analysis/classify-speaker";

describe("classifySpeaker", () => {
  it.each([
    ["agent", "agent"],
    ["Agent", "agent"],
    [" AGENT ", "agent"],
    ["agent_2", "agent"],
    ["Rep", "agent"],
    ["customer", "customer"],
    ["Customer", "customer"],
    ["caller 1", "customer"],
    ["Supervisor", "other"],
    ["", "other"],
    ["<script>", "other"],
  ] as const)("%j is %s", (speaker, role) => {
    expect(classifySpeaker({ speaker })).toBe(role);
  });
});
