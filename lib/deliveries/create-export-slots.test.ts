import { describe, expect, it } from "vitest";
import { createExportSlots } from "@/lib/deliveries/create-export-slots";

describe("createExportSlots", () => {
  it("refuses past the per-key limit and gives the slot back once", () => {
    const slots = createExportSlots({ perKey: 2, total: 10 });
    const a = slots.tryAcquire("1.1.1.1");
    const b = slots.tryAcquire("1.1.1.1");
    expect(a && b).toBeTruthy();
    expect(slots.tryAcquire("1.1.1.1")).toBeNull();
    expect(slots.tryAcquire("2.2.2.2")).not.toBeNull();
    a!();
    a!();
    expect(slots.inUse()).toBe(2);
    expect(slots.tryAcquire("1.1.1.1")).not.toBeNull();
    expect(slots.tryAcquire("1.1.1.1")).toBeNull();
  });

  it("refuses past the total over all keys", () => {
    const slots = createExportSlots({ perKey: 5, total: 2 });
    const a = slots.tryAcquire("a");
    expect(slots.tryAcquire("b")).not.toBeNull();
    expect(slots.tryAcquire("c")).toBeNull();
    a!();
    expect(slots.tryAcquire("c")).not.toBeNull();
  });
});
