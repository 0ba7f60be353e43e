import { describe, expect, it } from "vitest";
import { createStreamSlots } from "@/lib/live/create-stream-slots";

describe("createStreamSlots", () => {
  it("refuses a client past its cap, and admits it again once a slot is released", () => {
    const slots = createStreamSlots({ perClient: 2, perBin: 10, perInstance: 10 });
    const a = slots.tryAcquire({ clientKey: "1.1.1.1", binId: "x" });
    const b = slots.tryAcquire({ clientKey: "1.1.1.1", binId: "y" });
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(slots.tryAcquire({ clientKey: "1.1.1.1", binId: "z" })).toEqual({
      ok: false,
      limit: "client",
    });
    // Another address is not affected.
    expect(slots.tryAcquire({ clientKey: "2.2.2.2", binId: "z" }).ok).toBe(true);
    if (a.ok) a.release();
    expect(slots.tryAcquire({ clientKey: "1.1.1.1", binId: "z" }).ok).toBe(true);
  });

  it("refuses a bin past its cap, whatever the address", () => {
    const slots = createStreamSlots({ perClient: 10, perBin: 2, perInstance: 10 });
    expect(slots.tryAcquire({ clientKey: "a", binId: "hot" }).ok).toBe(true);
    expect(slots.tryAcquire({ clientKey: "b", binId: "hot" }).ok).toBe(true);
    expect(slots.tryAcquire({ clientKey: "c", binId: "hot" })).toEqual({ ok: false, limit: "bin" });
    expect(slots.tryAcquire({ clientKey: "c", binId: "cold" }).ok).toBe(true);
  });

  it("refuses past the instance cap", () => {
    const slots = createStreamSlots({ perClient: 10, perBin: 10, perInstance: 2 });
    slots.tryAcquire({ clientKey: "a", binId: "1" });
    slots.tryAcquire({ clientKey: "b", binId: "2" });
    expect(slots.tryAcquire({ clientKey: "c", binId: "3" })).toEqual({
      ok: false,
      limit: "instance",
    });
  });

  it("a refused attempt takes nothing, and a release counts once however often it is called", () => {
    const slots = createStreamSlots({ perClient: 1, perBin: 10, perInstance: 10 });
    const first = slots.tryAcquire({ clientKey: "a", binId: "1" });
    expect(slots.tryAcquire({ clientKey: "a", binId: "1" }).ok).toBe(false);
    expect(slots.count({ binId: "1" })).toBe(1);
    if (!first.ok) throw new Error("expected a slot");
    first.release();
    first.release();
    first.release();
    expect(slots.count()).toBe(0);
    expect(slots.count({ clientKey: "a" })).toBe(0);
    expect(slots.tryAcquire({ clientKey: "a", binId: "1" }).ok).toBe(true);
    expect(slots.tryAcquire({ clientKey: "a", binId: "1" }).ok).toBe(false);
  });
});
