import { apiUrl } from "@/components/common/api-url";
import { useEffect, useEffectEvent, useState } from "react";
import { isDeliverySummary } from "@/components/view/is-delivery-summary";
import type { ListedDelivery } from "@/components/view/listed-delivery";

export type LiveStatus = "connecting" | "live" | "reconnecting";

interface UseLiveDeliveriesOptions {
  binId: string;
  /** Newest delivery id already seen (server render or stream): the stream resumes after it. */
  getNewestId: () => string | null;
  onDeliveries: (deliveries: ListedDelivery[]) => void;
  /** The bin changed elsewhere (settings, secret, deletions): re-read it. */
  onBinChanged: () => void;
}

// Used only when the browser gave up on its own (a non-200 answer, e.g. 429 when too many
// streams are open or 503): plain network errors are retried by EventSource itself, sending
// Last-Event-ID. EventSource does not expose the status or Retry-After, so refusals back off
// exponentially with jitter (many tabs refused together do not come back together).
const MANUAL_RETRY_MS = 3000;
const MAX_MANUAL_RETRY_MS = 60_000;
// Events arriving together are written to the cache as one batch: at 500 deliveries/s one
// render per 100 ms instead of one per event keeps every frame short.
const BATCH_MS = 100;

function manualRetryDelay(failures: number): number {
  const ceiling = Math.min(MANUAL_RETRY_MS * 2 ** failures, MAX_MANUAL_RETRY_MS);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** Subscribes to the bin's Server-Sent Events; returns the connection state for the indicator. */
export function useLiveDeliveries({
  binId,
  getNewestId,
  onDeliveries,
  onBinChanged,
}: UseLiveDeliveriesOptions): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const readNewestId = useEffectEvent(() => getNewestId());
  const deliver = useEffectEvent((deliveries: ListedDelivery[]) => onDeliveries(deliveries));
  const binChanged = useEffectEvent(() => onBinChanged());

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    // Refusals in a row; reset once a stream is accepted.
    let failures = 0;
    let pending: ListedDelivery[] = [];
    let flushTimer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      flushTimer = null;
      const batch = pending;
      pending = [];
      if (batch.length > 0) deliver(batch);
    };

    const connect = () => {
      const current = new EventSource(apiUrl.events(binId, readNewestId()));
      source = current;
      current.addEventListener("open", () => setStatus("live"));
      current.addEventListener("ready", () => {
        failures = 0;
        setStatus("live");
      });
      current.addEventListener("delivery", (event) => {
        try {
          const data: unknown = JSON.parse((event as MessageEvent<string>).data);
          if (!isDeliverySummary(data)) return;
          pending.push(data);
          flushTimer ??= setTimeout(flush, BATCH_MS);
        } catch {
          // A malformed event is skipped; the next reconnect replays from the last good id.
        }
      });
      current.addEventListener("bin-changed", () => {
        // What arrived before the change is written first, then everything is re-read.
        if (flushTimer) clearTimeout(flushTimer);
        flush();
        binChanged();
      });
      current.addEventListener("error", () => {
        // The server also names a failed catch-up "error"; the connection itself is fine then.
        if (current.readyState === EventSource.OPEN) return;
        setStatus("reconnecting");
        if (current.readyState === EventSource.CLOSED && !stopped) {
          current.close();
          retryTimer = setTimeout(connect, manualRetryDelay(failures++));
        }
      });
    };

    connect();
    return () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (flushTimer) clearTimeout(flushTimer);
      source?.close();
    };
  }, [binId]);

  return status;
}
