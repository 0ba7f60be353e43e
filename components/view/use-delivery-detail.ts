import { useEffect, useState } from "react";
import type { DeliveryDetail } from "@/lib/deliveries/delivery-summary";
import { decodeBase64 } from "@/lib/signatures/decode-base64";

export interface LoadedDelivery {
  detail: DeliveryDetail;
  body: Uint8Array;
}

export type DeliveryDetailState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string; retry: () => void }
  | { status: "ready"; delivery: LoadedDelivery };

// Deliveries never change once stored, so details can be cached for the whole session.
const CACHE_SIZE = 30;
const cache = new Map<string, LoadedDelivery>();

function remember(key: string, delivery: LoadedDelivery) {
  cache.delete(key);
  cache.set(key, delivery);
  while (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

function isDeliveryDetail(value: unknown): value is DeliveryDetail {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === "string" &&
    typeof record.bodyBase64 === "string" &&
    Array.isArray(record.headers)
  );
}

/** Fetches one delivery's headers and body (with a small cache); null id means nothing selected. */
export function useDeliveryDetail(binId: string, deliveryId: string | null): DeliveryDetailState {
  const key = deliveryId === null ? null : `${binId}/${deliveryId}`;
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const [, setLoadedKey] = useState<string | null>(null);
  const cached = key === null ? undefined : cache.get(key);

  useEffect(() => {
    if (key === null || deliveryId === null || cache.has(key)) return;
    const controller = new AbortController();
    const url = `/api/bins/${encodeURIComponent(binId)}/deliveries/${encodeURIComponent(deliveryId)}`;
    fetch(url, { signal: controller.signal, credentials: "same-origin" })
      .then(async (response) => {
        if (response.status === 404) throw new Error("This delivery does not exist in this bin.");
        if (!response.ok) throw new Error(`Could not load the delivery (HTTP ${response.status}).`);
        const detail: unknown = await response.json();
        if (!isDeliveryDetail(detail)) throw new Error("The server sent an unexpected answer.");
        const body = decodeBase64(detail.bodyBase64) ?? new Uint8Array();
        remember(key, { detail, body });
        setLoadedKey(key);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setFailure({
          key,
          message: error instanceof Error ? error.message : "Could not load the delivery.",
        });
      });
    return () => controller.abort();
  }, [binId, deliveryId, key, attempt]);

  if (key === null) return { status: "idle" };
  if (cached) return { status: "ready", delivery: cached };
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
