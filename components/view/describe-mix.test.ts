import { describe, expect, it } from "vitest";
import { describeMix } from "@/components/view/describe-mix";

describe("describeMix", () => {
  it("names the non-empty rows in order, or says none", () => {
    const rows = [
      { key: "2xx", label: "2xx", value: 3, fill: "" },
      { key: "3xx", label: "3xx", value: 0, fill: "" },
      { key: "5xx", label: "5xx", value: 5, fill: "" },
    ];
    expect(describeMix({ title: "Our answers", rows })).toBe("Our answers: 2xx 3, 5xx 5");
    expect(describeMix({ title: "Signatures", rows: [] })).toBe("Signatures: none");
  });
});
