import { useEffect, useState } from "react";
import { deliveryDetailCache, type LoadedDelivery } from "@/components/view/delivery-detail-cache";
import type { DeliveryView } from "@/components/view/delivery-view";
import { decodeBase64 } from "@/lib/signatures/decode-base64";

export type { LoadedDelivery } from "@/components/view/delivery-detail-cache";

export type DeliveryDetailState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string; retry: () => void }
  | { status: "ready"; delivery: LoadedDelivery };

function isDeliveryView(value: unknown): value is DeliveryView {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === "string" &&
    typeof record.bodyBase64 === "string" &&
    Array.isArray(record.headers)
  );
}

/**
 * Fetches one delivery's headers, body, verdict and timeline (cached); null id means nothing
 * selected. Bumping `revision` refetches entries marked stale, showing the old data meanwhile.
 */
export function useDeliveryDetail(
  binId: string,
  deliveryId: string | null,
  revision = 0,
): DeliveryDetailState {
  const key = deliveryId === null ? null : `${binId}/${deliveryId}`;
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const [, setLoaded] = useState(0);
  const cached = deliveryId === null ? undefined : deliveryDetailCache.get(binId, deliveryId);

  useEffect(() => {
    if (key === null || deliveryId === null) return;
    const entry = deliveryDetailCache.get(binId, deliveryId);
    if (entry && !entry.stale) return;
    const controller = new AbortController();
    const url = `/api/bins/${encodeURIComponent(binId)}/deliveries/${encodeURIComponent(deliveryId)}`;
    fetch(url, { signal: controller.signal, credentials: "same-origin" })
      .then(async (response) => {
        if (response.status === 404) throw new Error("This delivery does not exist in this bin.");
        if (!response.ok) throw new Error(`Could not load the delivery (HTTP ${response.status}).`);
        const detail: unknown = await response.json();
        if (!isDeliveryView(detail)) throw new Error("The server sent an unexpected answer.");
        // Bodies never change: keeping the same bytes keeps every parsed view of them.
        const previous = deliveryDetailCache.get(binId, deliveryId)?.delivery;
        const body =
          previous && previous.detail.sha256 === detail.sha256
            ? previous.body
            : (decodeBase64(detail.bodyBase64) ?? new Uint8Array());
        deliveryDetailCache.set(binId, deliveryId, { detail, body });
        setLoaded((value) => value + 1);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // A failed refresh keeps showing what was loaded before.
        if (deliveryDetailCache.get(binId, deliveryId)) return;
        setFailure({
          key,
          message: error instanceof Error ? error.message : "Could not load the delivery.",
        });
      });
    return () => controller.abort();
  }, [binId, deliveryId, key, attempt, revision]);

  if (key === null) return { status: "idle" };
  if (cached) return { status: "ready", delivery: cached.delivery };
  if (failure?.key === key) {
    return {
      status: "error",
      message: failure.message,
      retry: () => {
        setFailure(null);
        setAttempt((value) => value + 1);
      },
    };
  }
  return { status: "loading" };
}
