import { describe, expect, it } from "vitest";
import { forwardDeliveries } from "@/lib/cli/forward-deliveries";

const SERVER = "http://127.0.0.1:1";

/** A server that knows an empty bin and refuses its live stream with 429 + Retry-After. */
function refusingServer(retryAfter: string) {
  const streamAttempts: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    if (url.endsWith("/events")) {
      streamAttempts.push(url);
      return Response.json(
        {
          error: "rate_limited",
          message: "Too many open live streams from your address; close some or retry later",
        },
        { status: 429, headers: { "Retry-After": retryAfter } },
      );
    }
    if (url.includes("/deliveries?")) return Response.json({ deliveries: [], nextCursor: null });
    return Response.json({ id: "b", createdAt: new Date().toISOString() });
  }) as typeof globalThis.fetch;
  return { fetch, streamAttempts };
}

describe("forwardDeliveries when the server refuses the live stream", () => {
  it("waits at least Retry-After, says why, and keeps trying with backoff", async () => {
    const server = refusingServer("7");
    const controller = new AbortController();
    const errors: string[] = [];
    const sleeps: number[] = [];
    const summary = await forwardDeliveries({
      serverUrl: SERVER,
      binId: "b",
      target: new URL("http://127.0.0.1:2/"),
      appendSubpath: false,
      replayLast: 0,
      io: { out: () => {}, err: (line) => errors.push(line) },
      signal: controller.signal,
      fetch: server.fetch,
      maxBackoffMs: 30_000,
      sleep: async ({ ms }) => {
        sleeps.push(ms);
        if (sleeps.length === 5) controller.abort();
      },
    });
    expect(summary).toEqual({ forwarded: 0, failed: 0 });
    expect(server.streamAttempts).toHaveLength(5);
    // Never sooner than the server asked, then the usual doubling up to the cap.
    expect(sleeps).toEqual([7000, 7000, 7000, 8000, 16_000]);
    expect(errors[0]).toBe(
      "live stream refused, too many open: Too many open live streams from your address; close some or retry later; retrying in 7 s",
    );
  });
});
