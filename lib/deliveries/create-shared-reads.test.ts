import { describe, expect, it } from "vitest";
import { createSharedReads } from "@/lib/deliveries/create-shared-reads";
import { createDeferred } from "@/test/support/create-deferred";

describe("createSharedReads", () => {
  it("callers share a read in flight and reuse its answer until ttl, then read again", async () => {
    let clock = 0;
    const reads = createSharedReads<number>({ ttlMs: 1000, maxEntries: 10, now: () => clock });
    let loads = 0;
    const first = createDeferred<number>();
    const load = () => {
      loads++;
      return loads === 1 ? first.promise : Promise.resolve(loads);
    };
    const a = reads.read("k", load);
    const b = reads.read("k", load);
    expect(loads).toBe(1);
    first.resolve(1);
    expect(await a).toBe(1);
    expect(await b).toBe(1);
    clock = 999;
    expect(await reads.read("k", load)).toBe(1);
    expect(await reads.read("other", load)).toBe(2);
    clock = 1000;
    expect(await reads.read("k", load)).toBe(3);
    expect(loads).toBe(3);
  });

  it("a failure reaches the callers waiting for it, and the next caller reads again", async () => {
    const reads = createSharedReads<string>({ ttlMs: 60_000, maxEntries: 10, now: () => 0 });
    const failing = createDeferred<string>();
    const a = reads.read("k", () => failing.promise);
    const b = reads.read("k", () => Promise.resolve("unused"));
    failing.reject(new Error("boom"));
    await expect(a).rejects.toThrow("boom");
    await expect(b).rejects.toThrow("boom");
    expect(await reads.read("k", () => Promise.resolve("fresh"))).toBe("fresh");
  });

  it("remembers at most maxEntries finished keys, oldest dropped first", async () => {
    const reads = createSharedReads<string>({ ttlMs: 60_000, maxEntries: 3, now: () => 0 });
    for (const key of ["a", "b", "c", "d", "e"]) await reads.read(key, async () => key);
    expect(reads.size()).toBeLessThanOrEqual(3);
    let reloaded = false;
    await reads.read("a", async () => {
      reloaded = true;
      return "a2";
    });
    expect(reloaded).toBe(true);
  });
});
