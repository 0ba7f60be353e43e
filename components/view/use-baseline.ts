import { useCallback, useSyncExternalStore } from "react";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";

const CHANGE_EVENT = "webhook-echo:baseline-changed";
const storageKey = (binId: string) => `webhook-echo:baseline:${binId}`;

function read(binId: string): string | null {
  try {
    const value = window.localStorage.getItem(storageKey(binId));
    // Storage is the user's to edit: only a delivery id counts.
    return value !== null && isDeliveryId(value) ? value : null;
  } catch {
    return null;
  }
}

function write(binId: string, deliveryId: string | null) {
  try {
    if (deliveryId === null) window.localStorage.removeItem(storageKey(binId));
    else window.localStorage.setItem(storageKey(binId), deliveryId);
  } catch {
    // Storage full or blocked: the baseline just does not stick.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  // "storage" brings changes made in other tabs; our own event those of this tab.
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** The delivery pinned as this bin's baseline, kept per bin in this browser's localStorage. */
export function useBaseline({ binId }: { binId: string }) {
  const baselineId = useSyncExternalStore(
    subscribe,
    () => read(binId),
    () => null,
  );
  const pin = useCallback((deliveryId: string) => write(binId, deliveryId), [binId]);
  const clear = useCallback(() => write(binId, null), [binId]);
  return { baselineId, pin, clear };
}
