export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
  /** performance.now() when the event arrived (for latency figures). */
  at: number;
}

export interface SseStream {
  status: number;
  retryAfter: string | null;
  /** The JSON error body of a refused stream (non-200), else null. */
  body: { error?: string; message?: string } | null;
  events: SseEvent[];
  waitFor: (match: (e: SseEvent) => boolean, timeoutMs?: number) => Promise<SseEvent>;
  /** Resolves with the raw text once the server ended the stream. */
  ended: Promise<string>;
  close: () => void;
}

/**
 * Opens an SSE stream with fetch and collects events until aborted; `waitFor` resolves once a
 * matching event arrived. A refused stream (non-200) carries its status, Retry-After and body.
 */
export async function openSseStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters = new Set<{ match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }>();
  let body: SseStream["body"] = null;
  let raw = "";
  let markEnded: (text: string) => void = () => {};
  const ended = new Promise<string>((resolve) => (markEnded = resolve));
  if (response.status === 200) {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return markEnded(raw);
          const text = decoder.decode(value, { stream: true });
          raw += text;
          buffer += text;
          let split: number;
          while ((split = buffer.indexOf("\n\n")) >= 0) {
            const lines = buffer.slice(0, split).split("\n");
            buffer = buffer.slice(split + 2);
            // Comments (heartbeats) and bare retry hints are not events.
            if (!lines.some((line) => line.startsWith("event: ") || line.startsWith("data: "))) {
              continue;
            }
            const event: SseEvent = { event: "message", id: null, data: "", at: performance.now() };
            for (const line of lines) {
              if (line.startsWith("event: ")) event.event = line.slice(7);
              else if (line.startsWith("id: ")) event.id = line.slice(4);
              else if (line.startsWith("data: ")) event.data += line.slice(6);
            }
            events.push(event);
            for (const waiter of [...waiters]) {
              if (waiter.match(event)) {
                waiters.delete(waiter);
                waiter.resolve(event);
              }
            }
          }
        }
      } catch {
        // aborted by the test
      }
    })();
  } else {
    body = (await response.json()) as SseStream["body"];
  }
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body,
    events,
    ended,
    waitFor(match, timeoutMs = 15_000) {
      const found = events.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error("timed out waiting for an SSE event")),
          timeoutMs,
        );
        waiters.add({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    close: () => controller.abort(),
  };
}
