import { describe, expect, it } from "vitest";
import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { nullUnstorableFields } from "@/lib/capture/null-unstorable-fields";
import { buildTestDeliveryRecord } from "@/test/support/build-test-delivery-record";

const clean = buildTestDeliveryRecord({
  analysisId: "an_1",
  analysisStatus: "completed",
  analysisAgent: "agent_1",
  signature: { scheme: null, status: "missing", reason: "none" },
  signatureVersion: "none",
});

const hostile: DeliveryRecord = {
  ...clean,
  analysisId: "x\u0000",
  analysisStatus: "\ud800",
  analysisAgent: "a".repeat(201),
  contentType: "text/plain\u0000",
  remoteAddress: "\udc00",
  response: { status: 200, headers: {}, body: "\u0000" },
  signature: { scheme: null, status: "missing", reason: "\ud800" },
};

describe("nullUnstorableFields", () => {
  it("returns a clean record itself, with nothing nulled", () => {
    for (const fields of ["all", "answer"] as const) {
      const result = nullUnstorableFields({ record: clean, fields });
      expect(result.record).toBe(clean);
      expect(result.nulled).toEqual([]);
    }
  });

  it("nulls every derived field PostgreSQL would refuse, on a copy, the verdict with its version", () => {
    const result = nullUnstorableFields({ record: hostile });
    expect(result.nulled).toEqual([
      "analysisId",
      "analysisStatus",
      "analysisAgent",
      "contentType",
      "remoteAddress",
      "response",
      "signature",
    ]);
    expect(result.record).toMatchObject({
      analysisId: null,
      analysisStatus: null,
      analysisAgent: null,
      contentType: null,
      remoteAddress: null,
      response: null,
      signature: null,
      signatureVersion: null,
    });
    expect(result.record.body).toBe(hostile.body);
    expect(hostile.analysisId).toBe("x\u0000");
  });

  it('with fields "answer", checks only the planned answer and the verdict', () => {
    const result = nullUnstorableFields({ record: hostile, fields: "answer" });
    expect(result.nulled).toEqual(["response", "signature"]);
    expect(result.record).toMatchObject({
      analysisId: "x\u0000",
      contentType: "text/plain\u0000",
      response: null,
      signature: null,
      signatureVersion: null,
    });
  });

  it("nulls a verdict whose version would not fit, and the version with it", () => {
    const result = nullUnstorableFields({ record: { ...clean, signatureVersion: "v".repeat(37) } });
    expect(result.nulled).toEqual(["signature"]);
    expect(result.record).toMatchObject({ signature: null, signatureVersion: null });
  });
});
