import { describe, expect, it } from "vitest";
import { createRateLimiter, type CounterIncrement } from "@/lib/rate-limits/create-rate-limiter";

// An in-memory stand-in for the shared counter table: the unit under test is the batching and
// position arithmetic; the Postgres statement is covered by the integration tests.
function memoryStore() {
  const totals = new Map<string, number>();
  let statements = 0;
  return {
    get statements() {
      return statements;
    },
    increment: async (increments: CounterIncrement[]) => {
      statements++;
      const result = new Map<string, number>();
      for (const { key, windowStart, count } of increments) {
        const id = `${key}|${windowStart.getTime()}`;
        totals.set(id, (totals.get(id) ?? 0) + count);
        result.set(id, totals.get(id)!);
      }
      return result;
    },
  };
}

describe("createRateLimiter", () => {
  it("admits exactly `limit` of many concurrent checks, in one statement", async () => {
    const store = memoryStore();
    const limiter = createRateLimiter({ increment: store.increment, now: () => 30_000 });
    const decisions = await Promise.all(
      Array.from({ length: 25 }, () => limiter.check([{ key: "bin:a", limit: 10 }])),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.slice(0, 10).every((d) => d.allowed)).toBe(true);
    expect(decisions[10]).toMatchObject({
      allowed: false,
      retryAfterSeconds: 30,
      refusedBy: "bin:a",
    });
    expect(store.statements).toBe(1);
  });

  it("checks made in separate callbacks of one event-loop turn share one statement", async () => {
    // Requests arrive in I/O callbacks of their own, with microtasks run in between.
    const store = memoryStore();
    const limiter = createRateLimiter({ increment: store.increment });
    const checks = [limiter.check([{ key: "bin:a", limit: 10 }])];
    await Promise.resolve();
    checks.push(limiter.check([{ key: "bin:a", limit: 10 }]));
    await Promise.resolve();
    checks.push(limiter.check([{ key: "ip:b", limit: 10 }]));
    expect((await Promise.all(checks)).every((d) => d.allowed)).toBe(true);
    expect(store.statements).toBe(1);
  });

  it("two limiters on one store (two instances) admit the limit once in total", async () => {
    const store = memoryStore();
    const a = createRateLimiter({ increment: store.increment, now: () => 1000 });
    const b = createRateLimiter({ increment: store.increment, now: () => 1000 });
    const decisions = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).check([{ key: "ip:1", limit: 7 }])),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
  });

  it("refuses when any rule is over, and a new window starts fresh", async () => {
    const store = memoryStore();
    let clock = 0;
    const limiter = createRateLimiter({ increment: store.increment, now: () => clock });
    const rules = [
      { key: "bin:x", limit: 100 },
      { key: "ip:y", limit: 1 },
    ];
    expect((await limiter.check(rules)).allowed).toBe(true);
    expect(await limiter.check(rules)).toMatchObject({ allowed: false, refusedBy: "ip:y" });
    clock = 60_000;
    expect((await limiter.check(rules)).allowed).toBe(true);
  });

  it("skips disabled rules (limit 0) without touching the store", async () => {
    const store = memoryStore();
    const limiter = createRateLimiter({ increment: store.increment });
    expect(await limiter.check([{ key: "bin:x", limit: 0 }])).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
    expect(store.statements).toBe(0);
  });

  it("rejects every check of a failed batch", async () => {
    const limiter = createRateLimiter({ increment: () => Promise.reject(new Error("db down")) });
    await expect(limiter.check([{ key: "k", limit: 1 }])).rejects.toThrow("db down");
  });
});
