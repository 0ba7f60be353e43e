import { createHash, randomBytes } from "node:crypto";
import type { DeliveryRecord } from "@/lib/capture/delivery-record";
import { createUuidV7 } from "@/lib/ids/create-uuid-v7";

/** A delivery record as capture builds it (a small JSON POST), for writing it directly. */
export function buildTestDeliveryRecord(overrides: Partial<DeliveryRecord> = {}): DeliveryRecord {
  const body = overrides.body ?? Buffer.from("{}");
  return {
    id: createUuidV7({ now: Date.now, randomBytes }),
    binId: "test-bin",
    method: "POST",
    path: "/hook",
    query: "",
    headers: [["Content-Type", "application/json"]],
    body,
    bodySize: body.length,
    bodySha256: createHash("sha256").update(body).digest("hex"),
    contentType: "application/json",
    remoteAddress: "127.0.0.1",
    receivedAt: new Date(),
    analysisId: null,
    analysisStatus: null,
    analysisAgent: null,
    responseStatus: 200,
    response: { status: 200, reason: "default" },
    signature: null,
    signatureVersion: null,
    conformanceSchema: null,
    conformanceValid: null,
    ...overrides,
  };
}
