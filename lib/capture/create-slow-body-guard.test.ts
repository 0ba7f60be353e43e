import { describe, expect, it } from "vitest";
import { createSlowBodyGuard } from "@/lib/capture/create-slow-body-guard";

/** A guard (floor 100 B/s, 5 s windows) on a fake clock, watching one body. */
function setup() {
  let time = 0;
  const guard = createSlowBodyGuard({ minBytesPerSecond: 100, graceMs: 5000, now: () => time });
  let cuts = 0;
  const watch = guard.watch(() => cuts++);
  /** `ms` pass, `bytes` arrive, the shared interval runs the check: is the body cut yet? */
  const after = (ms: number, bytes = 0) => {
    time += ms;
    if (bytes > 0) watch.received(bytes);
    guard.check();
    return cuts > 0;
  };
  return { guard, watch, after, cuts: () => cuts };
}

describe("createSlowBodyGuard", () => {
  it("cuts a trickle (1 byte / 2 s) once the grace period is over, exactly once", () => {
    const { guard, after, cuts } = setup();
    expect(after(2000, 1)).toBe(false);
    expect(after(2000, 1)).toBe(false);
    // 6 s in, 3 bytes: far under the floor.
    expect(after(2000, 1)).toBe(true);
    after(2000, 1);
    guard.check();
    expect(cuts()).toBe(1);
    expect(guard.size()).toBe(0);
  });

  it("cuts a client that declared a body and sends nothing", () => {
    const { after } = setup();
    expect(after(4999)).toBe(false);
    expect(after(1)).toBe(true);
  });

  it("leaves bodies at or above the floor alone, and stopped ones are forgotten", () => {
    const { guard, watch, after } = setup();
    for (let t = 0; t < 20; t++) expect(after(1000, 100)).toBe(false);
    watch.stop();
    expect(after(60_000)).toBe(false);
    expect(guard.size()).toBe(0);
  });

  it("cuts a burst followed by a stall: the rate is judged per window, not since the start", () => {
    const { watch, after } = setup();
    watch.received(1024 * 1024);
    for (let t = 0; t < 9; t++) expect(after(1000)).toBe(false);
    expect(after(1000)).toBe(true);
  });

  it("does not count the time we paused the body (waiting for memory)", () => {
    const { watch, after } = setup();
    expect(after(1000, 100)).toBe(false);
    watch.pause();
    expect(after(30_000)).toBe(false);
    watch.resume();
    expect(after(3000, 300)).toBe(false);
    expect(after(3000)).toBe(true);
  });

  it("a floor of 0 turns the guard off", () => {
    let time = 0;
    const guard = createSlowBodyGuard({ minBytesPerSecond: 0, graceMs: 100, now: () => time });
    let cut = false;
    guard.watch(() => (cut = true));
    time = 1_000_000;
    guard.check();
    expect(cut).toBe(false);
  });
  it("keeps many bodies in any order of stopping, and a cut body's handler may stop others", () => {
    let time = 0;
    const guard = createSlowBodyGuard({ minBytesPerSecond: 100, graceMs: 1000, now: () => time });
    const cut: number[] = [];
    const watches = Array.from({ length: 10 }, (_, i) =>
      guard.watch(() => {
        cut.push(i);
        // The first body cut ends the one after the next (say, both were from one client).
        if (i === 1) watches[3]!.stop();
      }),
    );
    // Stopped at the head, the tail, the middle, and twice.
    for (const i of [0, 9, 5, 5]) watches[i]!.stop();
    expect(guard.size()).toBe(7);
    // Fast enough: 2, 4, 6, 7 and 8 (3 is stopped by 1's handler before its turn).
    for (const i of [2, 4, 6, 7, 8]) watches[i]!.received(1000);
    time = 1000;
    guard.check();
    expect(cut).toEqual([1]);
    expect(guard.size()).toBe(5);
    // A new body joins after the rest; the others stop as their bodies end.
    const late = guard.watch(() => cut.push(10));
    for (const i of [2, 4, 6, 7, 8]) watches[i]!.stop();
    expect(guard.size()).toBe(1);
    time = 2000;
    guard.check();
    expect(cut).toEqual([1, 10]);
    expect(guard.size()).toBe(0);
    late.stop();
    expect(guard.size()).toBe(0);
  });
});
