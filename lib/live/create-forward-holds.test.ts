import { afterEach, describe, expect, it, vi } from "vitest";
import { createForwardHolds } from "@/lib/live/create-forward-holds";

function setup(overrides: { maxPerBin?: number; maxTotal?: number } = {}) {
  let clock = 1_000;
  const holds = createForwardHolds({
    maxPerBin: overrides.maxPerBin ?? 2,
    maxTotal: overrides.maxTotal ?? 10,
    responderTtlMs: 15_000,
    now: () => clock,
  });
  return { holds, advance: (ms: number) => (clock += ms) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("createForwardHolds", () => {
  it("knows a bin has a responder from its heartbeat until its goodbye or expiry", () => {
    const { holds, advance } = setup();
    expect(holds.hasResponder("b")).toBe(false);
    holds.noteResponder({ binId: "b", responderId: "r1", alive: true });
    expect(holds.hasResponder("b")).toBe(true);
    expect(holds.hasResponder("other")).toBe(false);
    advance(15_000);
    expect(holds.hasResponder("b")).toBe(false);
    holds.noteResponder({ binId: "b", responderId: "r1", alive: true });
    holds.noteResponder({ binId: "b", responderId: "r1", alive: false });
    expect(holds.hasResponder("b")).toBe(false);
  });

  it("wakes a held capture when its answer is ready, even if it came before the wait", async () => {
    const { holds } = setup();
    holds.noteResponder({ binId: "b", responderId: "r1", alive: true });
    const early = holds.tryHold({ binId: "b", deliveryId: "d1" })!;
    holds.answerReady("d1");
    await expect(early.wait({ timeoutMs: 60_000 })).resolves.toBe("answer_ready");
    const late = holds.tryHold({ binId: "b", deliveryId: "d2" })!;
    const waiting = late.wait({ timeoutMs: 60_000 });
    holds.answerReady("d2");
    await expect(waiting).resolves.toBe("answer_ready");
    expect(holds.heldCount()).toBe(0);
  });

  it("times out a hold after its timeout", async () => {
    vi.useFakeTimers();
    const { holds } = setup();
    const hold = holds.tryHold({ binId: "b", deliveryId: "d1" })!;
    const waiting = hold.wait({ timeoutMs: 500 });
    vi.advanceTimersByTime(499);
    expect(holds.heldIds()).toEqual(["d1"]);
    vi.advanceTimersByTime(1);
    await expect(waiting).resolves.toBe("timeout");
    expect(holds.heldCount()).toBe(0);
  });

  it("releases a bin's holds when its last responder leaves or stops beating", async () => {
    const { holds, advance } = setup();
    holds.noteResponder({ binId: "b", responderId: "r1", alive: true });
    holds.noteResponder({ binId: "b", responderId: "r2", alive: true });
    const first = holds.tryHold({ binId: "b", deliveryId: "d1" })!.wait({ timeoutMs: 60_000 });
    holds.noteResponder({ binId: "b", responderId: "r1", alive: false });
    expect(holds.heldIds()).toEqual(["d1"]);
    holds.noteResponder({ binId: "b", responderId: "r2", alive: false });
    await expect(first).resolves.toBe("disconnected");

    holds.noteResponder({ binId: "b", responderId: "r3", alive: true });
    const second = holds.tryHold({ binId: "b", deliveryId: "d2" })!.wait({ timeoutMs: 60_000 });
    advance(15_000);
    holds.sweep();
    await expect(second).resolves.toBe("disconnected");
  });

  it("caps holds per bin and in total, and frees a slot when a hold ends", async () => {
    const { holds } = setup({ maxPerBin: 2, maxTotal: 3 });
    const b1 = holds.tryHold({ binId: "b", deliveryId: "d1" })!;
    expect(holds.tryHold({ binId: "b", deliveryId: "d2" })).not.toBeNull();
    expect(holds.tryHold({ binId: "b", deliveryId: "d3" })).toBeNull();
    expect(holds.tryHold({ binId: "c", deliveryId: "d4" })).not.toBeNull();
    expect(holds.tryHold({ binId: "e", deliveryId: "d5" })).toBeNull();
    b1.release();
    b1.release();
    await expect(b1.wait({ timeoutMs: 60_000 })).resolves.toBe("sender_gone");
    expect(holds.tryHold({ binId: "b", deliveryId: "d6" })).not.toBeNull();
    expect(holds.heldCount()).toBe(3);
  });
});
