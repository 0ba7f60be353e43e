import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildDeliveryRecord } from "@/lib/capture/build-delivery-record";
import { parseJsonBody } from "@/lib/payload/parse-json-body";

const base = {
  id: "0190d9c8-0000-7000-8000-000000000000",
  binId: "bin",
  method: "POST",
  path: "/hook",
  query: "a=1",
  remoteAddress: "203.0.113.9",
  receivedAt: new Date("2026-12-03T03:00:00.000Z"),
};

describe("buildDeliveryRecord", () => {
  it("keeps the headers as sent: order, case and duplicates; the first content type wins", () => {
    const record = buildDeliveryRecord({
      ...base,
      rawHeaders: ["X-B", "2", "content-Type", "text/plain", "x-b", "3", "Content-Type", "x/y"],
      body: new Uint8Array(),
    });
    expect(record.headers).toEqual([
      ["X-B", "2"],
      ["content-Type", "text/plain"],
      ["x-b", "3"],
      ["Content-Type", "x/y"],
    ]);
    expect(record.contentType).toBe("text/plain");
  });

  it("hashes the exact body bytes (empty, binary, a few MiB) as SHA-256 hex", () => {
    const bodies = [
      new Uint8Array(),
      Uint8Array.from([0x00, 0xff, 0xc3, 0x28, 0x0a]),
      new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) & 0xff),
    ];
    for (const body of bodies) {
      const record = buildDeliveryRecord({ ...base, rawHeaders: [], body });
      expect(record.bodySha256).toBe(createHash("sha256").update(body).digest("hex"));
      expect(record.bodySize).toBe(body.byteLength);
      expect(record.body).toBe(body);
    }
  });

  it("reads the analysis facts from the body parsed once by the caller", () => {
    const body = Buffer.from(
      JSON.stringify({ id: "an_1", object: "analysis", status: "completed" }),
    );
    const record = buildDeliveryRecord({
      ...base,
      rawHeaders: ["Content-Type", "application/json"],
      body,
      json: parseJsonBody({ body }),
    });
    expect(record.analysisId).toBe("an_1");
    expect(record.analysisStatus).toBe("completed");
  });
});
