import { describe, expect, it } from "vitest";
import { formatRetrySummary } from "@/lib/cli/format-retry-summary";
import type { RawRequest, SendRawRequestOptions } from "@/lib/cli/send-raw-request";
import { sendWithRetries } from "@/lib/cli/send-with-retries";

const request: RawRequest = {
  method: "POST",
  origin: "http://127.0.0.1:1",
  path: "/",
  headers: [["Host", "127.0.0.1:1"]],
  body: new Uint8Array(),
};

function fakeClock() {
  let time = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: async ({ ms }: { ms: number }) => {
      sleeps.push(ms);
      time += ms + 1;
    },
  };
}

function answering(statuses: Array<number | Error>) {
  const timeouts: number[] = [];
  let index = 0;
  return {
    timeouts,
    send: async ({ timeoutMs }: SendRawRequestOptions) => {
      timeouts.push(timeoutMs);
      const next = statuses[Math.min(index++, statuses.length - 1)]!;
      if (next instanceof Error) throw next;
      return { status: next, statusText: "", headers: {}, body: Buffer.from("x") };
    },
  };
}

describe("sendWithRetries", () => {
  it("retries on the documented schedule, scaled, until a 2xx", async () => {
    const clock = fakeClock();
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const target = answering([503, refused, 500, 204]);
    const result = await sendWithRetries({
      request,
      retries: true,
      timeScale: 0.001,
      ...clock,
      send: target.send,
    });
    expect(result.delivered).toBe(true);
    expect(clock.sleeps).toEqual([60, 300, 900]);
    expect(result.attempts.map((a) => [a.status, a.error, a.scheduleSeconds, a.waitedMs])).toEqual([
      [503, null, null, null],
      [null, "ECONNREFUSED", 60, 61],
      [500, null, 300, 301],
      [204, null, 900, 901],
    ]);
    expect(formatRetrySummary(result).at(-1)).toBe("delivered on attempt 4");
  });

  it("gives up after five retries, and scales the 30 s timeout with a 1 s floor", async () => {
    const clock = fakeClock();
    const target = answering([500]);
    const result = await sendWithRetries({
      request,
      retries: true,
      timeScale: 0.5,
      ...clock,
      send: target.send,
    });
    expect(result.delivered).toBe(false);
    expect(result.attempts).toHaveLength(6);
    expect(clock.sleeps).toEqual([30_000, 150_000, 450_000, 1_800_000, 10_800_000]);
    expect(target.timeouts[0]).toBe(15_000);
    const lines = formatRetrySummary(result);
    expect(lines[0]).toMatch(/^attempt +schedule +scheduled wait +actual wait +result$/);
    expect(lines[2]).toMatch(/^2 +1 min +30 s +30 s +500$/);
    expect(lines.at(-1)).toBe("gave up after 5 retries");

    const tiny = answering([500]);
    await sendWithRetries({ request, retries: false, timeScale: 0.0001, ...fakeClock(), ...tiny });
    expect(tiny.timeouts).toEqual([1000]);
  });

  it("makes one attempt without retries", async () => {
    const clock = fakeClock();
    const result = await sendWithRetries({
      request,
      retries: false,
      timeScale: 1,
      ...clock,
      send: answering([503]).send,
    });
    expect(result).toMatchObject({ delivered: false, attempts: [{ attempt: 1, status: 503 }] });
    expect(clock.sleeps).toEqual([]);
  });
});
