import { describe, expect, it } from "vitest";
import { EMPTY_FILTER } from "@/lib/payload/empty-filter";
import { matchSummaryFilter } from "@/lib/payload/match-summary-filter";

const none = EMPTY_FILTER;
const delivery = {
  method: "POST",
  path: "/Webhooks/Analysis",
  query: "attempt=2",
  signature: { status: "valid" },
};

describe("matchSummaryFilter", () => {
  it("matches everything without a filter", () => {
    expect(matchSummaryFilter({ delivery, filter: none })).toBe("match");
  });

  it("compares methods exactly, any case", () => {
    expect(matchSummaryFilter({ delivery, filter: { ...none, method: "post" } })).toBe("match");
    expect(matchSummaryFilter({ delivery, filter: { ...none, method: "PUT" } })).toBe("no-match");
    expect(matchSummaryFilter({ delivery, filter: { ...none, method: "POS" } })).toBe("no-match");
  });

  it("searches path and query together, any case, like the API", () => {
    const match = (path: string) => matchSummaryFilter({ delivery, filter: { ...none, path } });
    expect(match("webhooks/analysis")).toBe("match");
    expect(match("analysis?attempt=2")).toBe("match");
    expect(match("ATTEMPT")).toBe("match");
    expect(match("/orders")).toBe("no-match");
    expect(
      matchSummaryFilter({ delivery: { ...delivery, query: "" }, filter: { ...none, path: "?" } }),
    ).toBe("match");
  });

  it("checks the signature verdict when the summary has one", () => {
    expect(matchSummaryFilter({ delivery, filter: { ...none, signature: "valid" } })).toBe("match");
    expect(matchSummaryFilter({ delivery, filter: { ...none, signature: "invalid" } })).toBe(
      "no-match",
    );
    expect(
      matchSummaryFilter({
        delivery: { ...delivery, signature: undefined },
        filter: { ...none, signature: "invalid" },
      }),
    ).toBe("unknown");
  });

  it("cannot judge header and body filters, unless something else already excludes it", () => {
    expect(matchSummaryFilter({ delivery, filter: { ...none, body: "x" } })).toBe("unknown");
    expect(matchSummaryFilter({ delivery, filter: { ...none, header: "x" } })).toBe("unknown");
    expect(matchSummaryFilter({ delivery, filter: { ...none, body: "x", method: "GET" } })).toBe(
      "no-match",
    );
  });

  it("judges conformance from the summary's verdict, and json= never", () => {
    const valid = { ...delivery, conformance: { valid: true } };
    expect(matchSummaryFilter({ delivery: valid, filter: { ...none, conformance: "valid" } })).toBe(
      "match",
    );
    expect(
      matchSummaryFilter({ delivery: valid, filter: { ...none, conformance: "invalid" } }),
    ).toBe("no-match");
    // No verdict: no schema applies, or it is not known yet; the API decides.
    expect(matchSummaryFilter({ delivery, filter: { ...none, conformance: "invalid" } })).toBe(
      "unknown",
    );
    expect(matchSummaryFilter({ delivery, filter: { ...none, json: ["status=failed"] } })).toBe(
      "unknown",
    );
  });
});
