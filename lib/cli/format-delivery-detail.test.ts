import { describe, expect, it } from "vitest";
import type { DeliveryDetail } from "@/lib/client/client-types";
import { formatDeliveryDetail } from "@/lib/cli/format-delivery-detail";

const base: DeliveryDetail = {
  id: "019ad000-0000-7000-8000-000000000001",
  binId: "bin",
  method: "POST",
  path: "/webhooks/analysis",
  query: "x=1",
  contentType: "application/json",
  size: 20,
  sha256: "0".repeat(64),
  remoteAddress: "127.0.0.1",
  receivedAt: "2026-12-01T05:00:00.000Z",
  analysisId: "an_1",
  responseStatus: 200,
  signature: { scheme: "callcov", status: "valid", reason: "HMAC matches" },
  attempt: 2,
  isDuplicate: true,
  headers: [
    ["Content-Type", "application/json"],
    ["X-Trace", "a"],
  ],
  bodyBase64: "",
  bodyText: '{"status":"completed"}',
  response: null,
  retryTimeline: [],
  conformance: null,
  analysisStatus: "completed",
  analysisAgent: null,
  summaryField: null,
};

describe("formatDeliveryDetail", () => {
  it("shows the request line, verdicts, headers in order and the body pretty-printed", () => {
    const text = formatDeliveryDetail({ delivery: base });
    expect(text).toContain("POST /webhooks/analysis?x=1");
    expect(text).toContain("Signature: valid (callcov): HMAC matches");
    expect(text).toContain("Analysis:  an_1 (attempt 2, duplicate)");
    expect(text).toContain("  Content-Type: application/json\n  X-Trace: a");
    expect(text).toContain('Body (20 bytes, application/json):\n{\n  "status": "completed"\n}');
  });

  it("prints a binary body as base64", () => {
    const text = formatDeliveryDetail({
      delivery: { ...base, bodyText: null, bodyBase64: "//79", size: 3 },
    });
    expect(text).toContain("(not UTF-8 text; base64:)\n//79");
  });

  it("never passes terminal escape sequences through", () => {
    const text = formatDeliveryDetail({
      delivery: {
        ...base,
        headers: [["X-Evil", "\u001b]52;c;cGF5bG9hZA==\u0007"]],
        bodyText: "\u001b[2J\u009b31mred\ttab",
      },
    });
    for (const control of ["\u001b", "\u0007", "\u009b"]) expect(text).not.toContain(control);
    expect(text).toContain("\\u001b[2J\\u009b31mred\ttab");
  });
});
