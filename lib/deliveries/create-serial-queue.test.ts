import { describe, expect, it } from "vitest";
import { createSerialQueue } from "@/lib/deliveries/create-serial-queue";

describe("createSerialQueue", () => {
  it("runs one task at a time, in order, and survives a failing task", async () => {
    const queue = createSerialQueue();
    const events: string[] = [];
    let running = 0;
    const task = (name: string, fail = false) =>
      queue.run(async () => {
        running++;
        expect(running).toBe(1);
        events.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([task("a"), task("b", true), task("c")]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });
});
