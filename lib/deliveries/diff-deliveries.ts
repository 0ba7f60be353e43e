import { acquireSlotOrThrow } from "@/lib/deliveries/acquire-slot-or-throw";
import type { DeliveryDiff } from "@/lib/deliveries/diff-deliveries.types";
import { getDiffSlots } from "@/lib/deliveries/get-diff-slots";
import { getDb } from "@/lib/db";
import { diffBodies } from "@/lib/diff/diff-bodies";
import { diffHeaders } from "@/lib/diff/diff-headers";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isValidBinId } from "@/lib/ids/bin-id";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";

const RETRY_AFTER_SECONDS = 2;

interface DiffRow {
  id: string;
  headers: Array<[string, string]>;
  body: Uint8Array;
  size: number;
  sha256: string;
}

/**
 * How delivery `againstId` differs from `deliveryId`, both of bin `binId` (400 for a malformed
 * bin id, 404 otherwise, also for a delivery of another bin). A heavy read: it takes a diff
 * slot per client address and per instance first (429 past them, like exports), reads each
 * body only up to DIFF_MAX_BODY_BYTES (a longer one is compared by its stored size and
 * SHA-256), and skips the comparison when the client went away while it read.
 */
export async function diffDeliveries({
  binId,
  deliveryId,
  againstId,
  clientIp,
  signal,
}: {
  binId: string;
  deliveryId: string;
  againstId: string;
  clientIp: string;
  signal?: AbortSignal;
}): Promise<DeliveryDiff> {
  // Checked like every route's bin id: a NUL in it would fail the query (a 500).
  if (!isValidBinId(binId)) throw new AppError("BAD_REQUEST", "Invalid bin id");
  if (!isDeliveryId(deliveryId) || !isDeliveryId(againstId)) {
    throw new AppError("NOT_FOUND", "Delivery not found");
  }
  const release = acquireSlotOrThrow({
    slots: getDiffSlots(),
    clientIp,
    what: "diffs",
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
  try {
    const maxBodyBytes = getEnv().DIFF_MAX_BODY_BYTES;
    const rows = await getDb().$queryRaw<DiffRow[]>`
      SELECT id::text AS id, headers, body_size AS size, body_sha256 AS sha256,
        substring(body from 1 for ${maxBodyBytes}::int) AS body
      FROM deliveries
      WHERE bin_id = ${binId} AND id = ANY(${[deliveryId, againstId]}::uuid[])`;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const before = byId.get(deliveryId.toLowerCase());
    const after = byId.get(againstId.toLowerCase());
    if (!before || !after) throw new AppError("NOT_FOUND", "Delivery not found");
    // Nobody would read the answer: spare the comparison.
    if (signal?.aborted) throw new AppError("BAD_REQUEST", "The client went away");
    return {
      headers: diffHeaders({ before: before.headers, after: after.headers }),
      body: diffBodies({
        before: { bytes: new Uint8Array(before.body), size: before.size, sha256: before.sha256 },
        after: { bytes: new Uint8Array(after.body), size: after.size, sha256: after.sha256 },
        maxBodyBytes,
      }),
    };
  } finally {
    release();
  }
}
