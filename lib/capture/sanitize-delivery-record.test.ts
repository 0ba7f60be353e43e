import { describe, expect, it } from "vitest";
import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { sanitizeDeliveryRecord } from "@/lib/capture/sanitize-delivery-record";

const base: DeliveryRecord = {
  id: "0190f1a2-0000-7000-8000-000000000000",
  binId: "bin",
  method: "POST",
  path: "/hook",
  query: "a=1",
  headers: [["Content-Type", "application/json"]],
  body: new Uint8Array([0, 1, 2]),
  bodySize: 3,
  bodySha256: "x".repeat(64),
  contentType: "application/json",
  remoteAddress: "127.0.0.1",
  receivedAt: new Date(0),
  analysisId: "an_1",
  analysisStatus: "completed",
  analysisAgent: "agent_1",
  responseStatus: 200,
  response: { status: 200, headers: {}, body: null },
  signature: { scheme: null, status: "missing", reason: "none" },
  signatureVersion: "none",
  conformanceSchema: null,
  conformanceValid: null,
};

describe("sanitizeDeliveryRecord", () => {
  it("passes a clean record through unchanged (same object: no copy on the hot path)", () => {
    const result = sanitizeDeliveryRecord({ record: base });
    expect(result).toEqual({ ok: true, record: base, nulled: [] });
    if (result.ok) expect(result.record).toBe(base);
  });

  it("checks a deeply frozen answer or verdict once, and a frozen one with a mutable part each time", () => {
    const bad = Object.freeze({ status: 200, headers: Object.freeze({}), body: "\u0000" });
    for (let i = 0; i < 2; i++) {
      const result = sanitizeDeliveryRecord({ record: { ...base, response: bad } });
      expect(result.ok && result.nulled).toEqual(["response"]);
    }
    const headers: Record<string, string> = {};
    const shallow = Object.freeze({ status: 200, headers, body: null });
    expect(sanitizeDeliveryRecord({ record: { ...base, response: shallow } })).toMatchObject({
      nulled: [],
    });
    headers["X-Later"] = "\u0000";
    expect(sanitizeDeliveryRecord({ record: { ...base, response: shallow } })).toMatchObject({
      nulled: ["response"],
    });
  });

  it.each([
    ["a NUL in the analysis id", { analysisId: "x\u0000y" }, "analysisId"],
    ["a lone high surrogate in the analysis id", { analysisId: "x\ud800y" }, "analysisId"],
    ["a lone low surrogate in the analysis id", { analysisId: "\udc00" }, "analysisId"],
    ["an analysis id over 200 characters", { analysisId: "a".repeat(201) }, "analysisId"],
    ["a NUL in the analysis status", { analysisStatus: "x\u0000" }, "analysisStatus"],
    ["a lone surrogate in the agent", { analysisAgent: "\ud800" }, "analysisAgent"],
    ["a NUL in the content type", { contentType: "text/plain\u0000" }, "contentType"],
    [
      "a NUL deep inside the verdict",
      { signature: { reason: ["ok", { k: "\u0000" }] } },
      "signature",
    ],
    ["a NUL in a verdict key", { signature: { "a\u0000": 1 } }, "signature"],
    ["a signature version over 36 characters", { signatureVersion: "v".repeat(37) }, "signature"],
    ["a NUL in the planned answer", { response: { body: "\u0000" } }, "response"],
  ])("stores %s as null, keeping the body", (_name, patch, field) => {
    const result = sanitizeDeliveryRecord({ record: { ...base, ...patch } as DeliveryRecord });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.nulled).toEqual([field]);
    expect(result.record[field as keyof DeliveryRecord]).toBeNull();
    expect(result.record.body).toBe(base.body);
    if (field === "signature") expect(result.record.signatureVersion).toBeNull();
  });

  it("keeps valid non-ASCII: paired surrogates (emoji) and 200 code points that are 400 UTF-16 units", () => {
    const emoji = "\u{1F600}".repeat(200);
    const result = sanitizeDeliveryRecord({
      record: { ...base, analysisId: emoji, contentType: "text/plain; x=\u00e9" },
    });
    expect(result).toMatchObject({ ok: true, nulled: [] });
  });

  it.each([
    ["path", { path: "/a\u0000" }],
    ["query", { query: "\ud800" }],
    ["headers", { headers: [["X-A", "b\u0000"]] }],
    ["method", { method: "M".repeat(33) }],
  ])(
    "refuses a request whose %s cannot be stored (the row cannot do without it)",
    (field, patch) => {
      const result = sanitizeDeliveryRecord({ record: { ...base, ...patch } as DeliveryRecord });
      expect(result).toMatchObject({ ok: false, field });
    },
  );
});
