import { describe, expect, it } from "vitest";
import { createSlowBodyGuard } from "@/lib/capture/create-slow-body-guard";

function setup() {
  let time = 0;
  const guard = createSlowBodyGuard({
    minBytesPerSecond: 100,
    graceMs: 5000,
    now: () => time,
  });
  return { guard, advance: (ms: number) => (time += ms) };
}

describe("createSlowBodyGuard", () => {
  it("cuts a trickle (1 byte / 2 s) once the grace period is over, exactly once", () => {
    const { guard, advance } = setup();
    const cut: number[] = [];
    const watch = guard.watch(() => cut.push(1));
    for (let t = 0; t < 4; t++) {
      advance(2000);
      watch.received(1);
      guard.check();
      if (t < 2) expect(cut).toEqual([]);
    }
    expect(cut).toEqual([1]);
    guard.check();
    expect(cut).toEqual([1]);
    expect(guard.size()).toBe(0);
  });

  it("cuts a client that declared a body and sends nothing", () => {
    const { guard, advance } = setup();
    let cut = false;
    guard.watch(() => (cut = true));
    advance(4999);
    guard.check();
    expect(cut).toBe(false);
    advance(1);
    guard.check();
    expect(cut).toBe(true);
  });

  it("leaves bodies at or above the floor alone, and stopped ones are forgotten", () => {
    const { guard, advance } = setup();
    let cut = false;
    const watch = guard.watch(() => (cut = true));
    for (let t = 0; t < 20; t++) {
      advance(1000);
      watch.received(100);
      guard.check();
    }
    expect(cut).toBe(false);
    watch.stop();
    advance(60_000);
    guard.check();
    expect(cut).toBe(false);
    expect(guard.size()).toBe(0);
  });

  it("cuts a burst followed by a stall: the rate is judged per window, not since the start", () => {
    const { guard, advance } = setup();
    let cut = false;
    const watch = guard.watch(() => (cut = true));
    watch.received(1024 * 1024);
    for (let t = 0; t < 9; t++) {
      advance(1000);
      guard.check();
    }
    expect(cut).toBe(false);
    advance(1000);
    guard.check();
    expect(cut).toBe(true);
  });

  it("does not count the time we paused the body (waiting for memory)", () => {
    const { guard, advance } = setup();
    let cut = false;
    const watch = guard.watch(() => (cut = true));
    advance(1000);
    watch.received(100);
    watch.pause();
    advance(30_000);
    guard.check();
    expect(cut).toBe(false);
    watch.resume();
    advance(3000);
    watch.received(300);
    guard.check();
    expect(cut).toBe(false);
    advance(3000);
    guard.check();
    expect(cut).toBe(true);
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
});
