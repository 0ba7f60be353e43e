import { EventSource, type FetchLike } from "eventsource";

export interface EventSourceConnection {
  status: number;
  /** The balancer's X-Served-By (which instance answered), if any. */
  servedBy: string | null;
  /** The Last-Event-ID this connection asked to resume after (null on the first). */
  lastEventId: string | null;
  /** performance.now() when its response arrived. */
  at: number;
}

export interface EventSourceViewer {
  /** Delivery ids in arrival order, duplicates kept (a replay may overlap what was seen). */
  deliveryIds: string[];
  /** One entry per HTTP connection, reconnects included. */
  connections: EventSourceConnection[];
  /** performance.now() of every `ready` event (one per successful connection). */
  readyAt: number[];
  /** performance.now() of every `error` event (a stream that ended or failed). */
  errorAt: number[];
  /** EventSource.CLOSED once it gave up (a non-200 answer): a browser would stop too. */
  readyState: () => number;
  close: () => void;
}

/**
 * A live viewer that behaves like the browser's EventSource (the `eventsource` package follows
 * the WHATWG spec): when a stream ends it waits the server's `retry:` hint and reconnects with
 * Last-Event-ID; a non-200 answer closes it for good. Records which instance served each
 * connection.
 */
export function openEventSource({ url }: { url: string }): EventSourceViewer {
  const viewer: Omit<EventSourceViewer, "readyState" | "close"> = {
    deliveryIds: [],
    connections: [],
    readyAt: [],
    errorAt: [],
  };
  const recordingFetch: FetchLike = async (input, init) => {
    const response = await fetch(input, init);
    viewer.connections.push({
      status: response.status,
      servedBy: response.headers.get("x-served-by"),
      lastEventId: init.headers["Last-Event-ID"] ?? null,
      at: performance.now(),
    });
    return response;
  };
  const source = new EventSource(url, { fetch: recordingFetch });
  source.addEventListener("ready", () => viewer.readyAt.push(performance.now()));
  source.addEventListener("delivery", (event) => viewer.deliveryIds.push(event.lastEventId));
  source.addEventListener("error", () => viewer.errorAt.push(performance.now()));
  return { ...viewer, readyState: () => source.readyState, close: () => source.close() };
}
