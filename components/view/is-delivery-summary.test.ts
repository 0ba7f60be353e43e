import { describe, expect, it } from "vitest";
import { isDeliverySummary } from "@/components/view/is-delivery-summary";
import { isDeliveryDetail } from "@/components/view/delivery-detail";

const summary = {
  id: "0190f0e4-7a4b-7c3d-8e5f-123456789abc",
  binId: "my-bin",
  method: "POST",
  path: "/webhooks",
  query: "",
  contentType: "application/json",
  size: 2,
  sha256: "a".repeat(64),
  remoteAddress: "127.0.0.1",
  receivedAt: "2026-01-01T00:00:00.000Z",
  analysisId: null,
  analysisStatus: null,
  analysisAgent: null,
  responseStatus: 200,
  signature: { scheme: "callcov", status: "valid", reason: "Signature matches" },
  attempt: 1,
  isDuplicate: false,
  conformance: { schema: "callcov-analysis@1", valid: true },
  summaryField: null,
};

// The browser's guards are the server's schemas (lib/deliveries/*): what the list API and the
// live events send passes, anything else is dropped instead of crashing the view.
describe("isDeliverySummary", () => {
  it("accepts a list row as the server sends it", () => {
    expect(isDeliverySummary(summary)).toBe(true);
  });

  it.each([
    ["null", null],
    ["a string", "x"],
    ["no id", { ...summary, id: undefined }],
    ["a size that is text", { ...summary, size: "2" }],
    ["a verdict without a status", { ...summary, signature: { reason: "x", scheme: null } }],
    ["an attempt of 0", { ...summary, attempt: 0 }],
    ["a conformance verdict without valid", { ...summary, conformance: { schema: "x" } }],
    ["a date that is not ISO", { ...summary, receivedAt: "yesterday" }],
  ])("rejects %s", (_label, value) => {
    expect(isDeliverySummary(value)).toBe(false);
  });
});

describe("isDeliveryDetail", () => {
  const detail = {
    ...summary,
    headers: [["Content-Type", "application/json"]],
    bodyBase64: "e30=",
    bodyText: "{}",
    response: null,
    retryTimeline: [],
    conformance: {
      schema: "callcov-analysis@1",
      valid: false,
      errors: [{ path: "/status", message: "must be one of: completed, failed" }],
      unknownFields: ["/region"],
    },
  };

  it("accepts a detail answer and rejects one without its headers", () => {
    expect(isDeliveryDetail(detail)).toBe(true);
    expect(isDeliveryDetail({ ...detail, headers: undefined })).toBe(false);
    expect(isDeliveryDetail({ ...detail, headers: [["only-a-name"]] })).toBe(false);
  });
});
