import type { ListedDelivery } from "@/lib/client/client-types";

/** A valid list row of an unsigned, empty POST; tests override only what they are about. */
export function buildDeliverySummary(overrides: Partial<ListedDelivery> = {}): ListedDelivery {
  return {
    id: "0190f0e4-7a4b-7c3d-8e5f-123456789abc",
    binId: "abc",
    method: "POST",
    path: "",
    query: "",
    contentType: null,
    size: 0,
    sha256: "0".repeat(64),
    remoteAddress: null,
    receivedAt: "2026-01-01T00:00:00.000Z",
    analysisId: null,
    analysisStatus: null,
    analysisAgent: null,
    responseStatus: 200,
    signature: { scheme: null, status: "missing", reason: "No signature header" },
    attempt: 1,
    isDuplicate: false,
    conformance: null,
    summaryField: null,
    ...overrides,
  };
}
