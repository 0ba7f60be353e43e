import { describe, expect, it } from "vitest";
import {
  createRateLimiter,
  LEASE_MIN_LIMIT,
  type CounterIncrement,
} from "@/lib/rate-limits/create-rate-limiter";

// An in-memory stand-in for the shared counter table: the unit under test is the batching and
// position arithmetic; the Postgres statement is covered by the integration tests.
function memoryStore() {
  const totals = new Map<string, number>();
  let statements = 0;
  const counts: number[] = [];
  return {
    get statements() {
      return statements;
    },
    /** Every count asked for, in order. */
    counts,
    total: (id: string) => totals.get(id) ?? 0,
    increment: async (increments: CounterIncrement[]) => {
      statements++;
      counts.push(...increments.map((i) => i.count));
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
    expect(limiter.check([{ key: "bin:x", limit: 0 }])).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });
    expect(store.statements).toBe(0);
  });

  it("rejects every check of a failed batch", async () => {
    const limiter = createRateLimiter({ increment: () => Promise.reject(new Error("db down")) });
    await expect(limiter.check([{ key: "k", limit: 1 }])).rejects.toThrow("db down");
  });

  describe(`limits of ${LEASE_MIN_LIMIT} or more: leases`, () => {
    const LIMIT = 6000;

    it("answers from a lease sized by the key's recent rate, without a statement", async () => {
      const store = memoryStore();
      let clock = 1000;
      const limiter = createRateLimiter({ increment: store.increment, now: () => clock });
      const rules = [{ key: "bin:a", limit: LIMIT }];
      // First in the window: exactly what is needed. 10 ms later, one check used: ~100/s.
      expect((await limiter.check(rules)).allowed).toBe(true);
      clock += 10;
      expect((await limiter.check(rules)).allowed).toBe(true);
      expect(store.counts).toEqual([1, 101]);
      for (let i = 0; i < 100; i++) {
        // From the lease: the decision itself, not a promise (capture waits for nothing).
        const decision = limiter.check(rules);
        expect(decision).not.toBeInstanceOf(Promise);
        expect((await decision).allowed).toBe(true);
      }
      expect(store.statements).toBe(2);
      // Store total = positions leased: 102, all handed out; the next check leases again.
      expect(store.total("bin:a|0")).toBe(102);
      await limiter.check(rules);
      expect(store.statements).toBe(3);
    });

    it("never leases more than 1/16 of the limit, nor past it", async () => {
      const store = memoryStore();
      let clock = 0;
      const limiter = createRateLimiter({ increment: store.increment, now: () => clock });
      let allowed = 0;
      for (let i = 0; i < 8000; i++) {
        if (i % 50 === 0) clock += 1; // 50,000 checks a second: every lease at the cap
        if ((await limiter.check([{ key: "ip:1", limit: LIMIT }])).allowed) allowed++;
      }
      expect(allowed).toBe(LIMIT);
      expect(Math.max(...store.counts)).toBe(LIMIT / 16 + 1);
      expect(store.total("ip:1|0")).toBe(LIMIT);
    });

    it("refuses a key at its limit here, without statements, until the window ends", async () => {
      const store = memoryStore();
      let clock = 0;
      const limiter = createRateLimiter({ increment: store.increment, now: () => clock });
      const rules = [{ key: "bin:full", limit: LEASE_MIN_LIMIT }];
      await Promise.all(Array.from({ length: LEASE_MIN_LIMIT }, () => limiter.check(rules)));
      const statements = store.statements;
      clock = 45_000;
      for (let i = 0; i < 500; i++) {
        expect(await limiter.check(rules)).toMatchObject({
          allowed: false,
          retryAfterSeconds: 15,
          refusedBy: "bin:full",
        });
      }
      expect(store.statements).toBe(statements);
      clock = 60_000;
      expect((await limiter.check(rules)).allowed).toBe(true);
      expect(store.statements).toBe(statements + 1);
    });

    it("two instances never admit more than the limit; each may leave one lease unused", async () => {
      const store = memoryStore();
      let clock = 0;
      const a = createRateLimiter({ increment: store.increment, now: () => clock });
      const b = createRateLimiter({ increment: store.increment, now: () => clock });
      const rules = [{ key: "bin:shared", limit: LEASE_MIN_LIMIT }];
      let allowed = 0;
      for (let round = 0; round < 300; round++) {
        clock += 2;
        const decisions = await Promise.all(
          Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).check(rules)),
        );
        allowed += decisions.filter((d) => d.allowed).length;
      }
      expect(allowed).toBeLessThanOrEqual(LEASE_MIN_LIMIT);
      expect(allowed).toBeGreaterThanOrEqual(LEASE_MIN_LIMIT - 2 * (LEASE_MIN_LIMIT / 16));
    });

    it("a request counts against every rule, from leases of both keys", async () => {
      const store = memoryStore();
      let clock = 0;
      const limiter = createRateLimiter({ increment: store.increment, now: () => clock });
      const rules = [
        { key: "bin:x", limit: LIMIT },
        { key: "ip:y", limit: 2 * LIMIT },
      ];
      for (let i = 0; i < 200; i++) {
        clock += 1;
        expect((await limiter.check(rules)).allowed).toBe(true);
      }
      // A small limit beside a leased one is still counted request by request.
      expect(await limiter.check([...rules, { key: "create:y", limit: 1 }])).toMatchObject({
        allowed: true,
      });
      expect(await limiter.check([...rules, { key: "create:y", limit: 1 }])).toMatchObject({
        allowed: false,
        refusedBy: "create:y",
      });
      expect(store.total("create:y|0")).toBe(2);
      expect(store.statements).toBeLessThan(30);
    });

    it("forgets the oldest keys past its bound: their next check asks the store again", async () => {
      const store = memoryStore();
      let clock = 0;
      const limiter = createRateLimiter({ increment: store.increment, now: () => clock });
      const rules = [{ key: "bin:first", limit: LIMIT }];
      await limiter.check(rules);
      clock += 1;
      await limiter.check(rules); // leases ahead
      const statements = store.statements;
      await limiter.check(rules);
      expect(store.statements).toBe(statements);
      await Promise.all(
        Array.from({ length: 20_000 }, (_, i) =>
          limiter.check([{ key: `bin:${i}`, limit: LIMIT }]),
        ),
      );
      const before = store.statements;
      await limiter.check(rules);
      expect(store.statements).toBe(before + 1);
    });

    it("a failed increment rejects its checks and leaves the key usable", async () => {
      let fail = true;
      const store = memoryStore();
      const limiter = createRateLimiter({
        increment: (increments) =>
          fail ? Promise.reject(new Error("db down")) : store.increment(increments),
        now: () => 0,
      });
      const rules = [{ key: "bin:z", limit: LIMIT }];
      await expect(limiter.check(rules)).rejects.toThrow("db down");
      fail = false;
      expect((await limiter.check(rules)).allowed).toBe(true);
    });
  });
});
