import { describe, expect, it } from "vitest";
import { createByteBudget } from "@/lib/capture/create-byte-budget";

describe("createByteBudget", () => {
  it("grants while it fits, queues the rest in order, and releases once", async () => {
    const budget = createByteBudget({ capacity: 10 });
    const first = await budget.acquire(6);
    const order: string[] = [];
    const second = budget.acquire(6).then((release) => (order.push("second"), release));
    const third = budget.acquire(1).then((release) => (order.push("third"), release));
    await Promise.resolve();
    // FIFO: the small third request does not overtake the waiting second one.
    expect(order).toEqual([]);
    expect(budget.inUse()).toBe(6);
    first();
    first();
    const releaseSecond = await second;
    const releaseThird = await third;
    expect(order).toEqual(["second", "third"]);
    expect(budget.inUse()).toBe(7);
    releaseSecond();
    releaseThird();
    expect(budget.inUse()).toBe(0);
  });

  it("caps a request larger than the capacity instead of waiting forever", async () => {
    const budget = createByteBudget({ capacity: 10 });
    const release = await budget.acquire(50);
    expect(budget.inUse()).toBe(10);
    release();
    expect(budget.inUse()).toBe(0);
  });
});
