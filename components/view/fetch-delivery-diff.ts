import pLimit from "p-limit";
import { apiUrl } from "@/components/common/api-url";
import { deliveryDiffSchema, type DeliveryDiff } from "@/lib/deliveries/diff-deliveries.types";

/** An error that asks to be tried again later (the server's diff slots were full). */
export interface RetryLaterError extends Error {
  retryAfterMs: number;
}

// The server runs a few diffs per address at once (429 past them); a list full of baseline
// chips would ask for many together, so this page sends two at a time and queues the rest.
const limit = pLimit(2);

/** GET how `againstId` differs from `deliveryId`, validated against the operation's schema. */
export function fetchDeliveryDiff({
  binId,
  deliveryId,
  againstId,
  signal,
}: {
  binId: string;
  deliveryId: string;
  againstId: string;
  signal?: AbortSignal;
}): Promise<DeliveryDiff> {
  return limit(async () => {
    signal?.throwIfAborted();
    const response = await fetch(apiUrl.diff(binId, deliveryId, againstId), {
      signal,
      credentials: "same-origin",
    });
    if (response.status === 429) {
      const seconds = Number(response.headers.get("retry-after")) || 1;
      throw Object.assign(new Error("The server is busy comparing; trying again."), {
        retryAfterMs: seconds * 1000,
      }) satisfies RetryLaterError;
    }
    if (response.status === 404) throw new Error("One of the two deliveries no longer exists.");
    if (!response.ok)
      throw new Error(`Could not compare the deliveries (HTTP ${response.status}).`);
    const parsed = deliveryDiffSchema.safeParse(await response.json());
    if (!parsed.success) throw new Error("The server sent an unexpected answer.");
    return parsed.data;
  });
}
