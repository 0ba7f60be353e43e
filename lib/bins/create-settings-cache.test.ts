import { describe, expect, it } from "vitest";
import { createSettingsCache } from "@/lib/bins/create-settings-cache";

function recordingLoader(fail: ReadonlySet<string> = new Set()) {
  const batches: string[][] = [];
  const loadMany = async (binIds: readonly string[]) => {
    batches.push([...binIds]);
    return binIds.map((id) => (fail.has(id) ? new Error(`no ${id}`) : `settings of ${id}`));
  };
  return { batches, loadMany };
}

describe("createSettingsCache", () => {
  it("loads the misses of one turn in one batch, one entry per bin", async () => {
    const { batches, loadMany } = recordingLoader();
    const cache = createSettingsCache({ loadMany });
    const values = await Promise.all(["a", "b", "a", "c"].map((id) => cache.get(id)));
    expect(values).toEqual(["settings of a", "settings of b", "settings of a", "settings of c"]);
    expect(batches).toEqual([["a", "b", "c"]]);
  });

  it("batches requests that arrive in separate I/O callbacks of one turn", async () => {
    const { batches, loadMany } = recordingLoader();
    const cache = createSettingsCache({ loadMany });
    // Each request arrives in a callback of its own; Node runs the ticks and microtasks
    // queued by one before the next.
    const gets = await new Promise<Array<Promise<string>>>((resolve) => {
      const found: Array<Promise<string>> = [];
      setImmediate(() => found.push(cache.get("x")));
      setImmediate(() => {
        found.push(cache.get("y"));
        resolve(found);
      });
    });
    await Promise.all(gets);
    expect(batches).toEqual([["x", "y"]]);
  });

  it("serves a bin from memory until its entry expires or is invalidated", async () => {
    let clock = 0;
    const { batches, loadMany } = recordingLoader();
    const cache = createSettingsCache({ loadMany, unannouncedTtlMs: 1000, now: () => clock });
    await cache.get("a");
    clock = 999;
    await cache.get("a");
    expect(batches).toEqual([["a"]]);
    clock = 1000;
    await cache.get("a");
    cache.invalidate("a");
    await cache.get("a");
    expect(batches).toEqual([["a"], ["a"], ["a"]]);
  });

  it("fails only the bin whose load failed, and loads it again on the next get", async () => {
    const { batches, loadMany } = recordingLoader(new Set(["bad"]));
    const cache = createSettingsCache({ loadMany });
    const [good, bad] = await Promise.allSettled([cache.get("good"), cache.get("bad")]);
    expect(good).toEqual({ status: "fulfilled", value: "settings of good" });
    expect(bad).toMatchObject({ status: "rejected", reason: new Error("no bad") });
    await expect(cache.get("bad")).rejects.toThrow("no bad");
    await cache.get("good");
    expect(batches).toEqual([["good", "bad"], ["bad"]]);
  });

  it("splits a turn's misses into statements of maxBatchSize bins", async () => {
    const { batches, loadMany } = recordingLoader();
    const cache = createSettingsCache({ loadMany, maxBatchSize: 2 });
    await Promise.all(["a", "b", "c", "d", "e"].map((id) => cache.get(id)));
    expect(batches).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });

  it("keeps the entry stored after an invalidate when the older load fails", async () => {
    const batches: string[][] = [];
    const cache = createSettingsCache({
      // The older load of a bin fails, the newer one succeeds.
      loadMany: async (ids) => {
        batches.push([...ids]);
        return ids.map((id, i) => (ids.indexOf(id) === i ? new Error("old") : `new ${id}`));
      },
    });
    const old = cache.get("a");
    cache.invalidate("a");
    const newer = cache.get("a");
    await expect(old).rejects.toThrow("old");
    await expect(newer).resolves.toBe("new a");
    await expect(cache.get("a")).resolves.toBe("new a");
    expect(batches).toEqual([["a", "a"]]);
  });

  it("keeps entries for ttlMs once changes are announced, after dropping what it had", async () => {
    let clock = 0;
    const { batches, loadMany } = recordingLoader();
    const cache = createSettingsCache({ loadMany, ttlMs: 60_000, now: () => clock });
    await cache.get("a");
    cache.reset(true);
    await cache.get("a");
    clock = 59_999;
    await cache.get("a");
    expect(batches).toEqual([["a"], ["a"]]);
    clock = 60_000;
    await cache.get("a");
    expect(batches).toEqual([["a"], ["a"], ["a"]]);
  });

  it("goes back to short lifetimes when announcements are lost, dropping every entry", async () => {
    let clock = 0;
    const { batches, loadMany } = recordingLoader();
    const cache = createSettingsCache({ loadMany, unannouncedTtlMs: 1000, now: () => clock });
    cache.reset(true);
    await Promise.all([cache.get("a"), cache.get("b")]);
    cache.reset(false);
    await cache.get("a");
    clock = 1000;
    await cache.get("a");
    expect(batches).toEqual([["a", "b"], ["a"], ["a"]]);
  });

  it("does not keep what a load in flight during a reset read", async () => {
    const { batches, loadMany } = recordingLoader();
    const cache = createSettingsCache({ loadMany });
    const inFlight = cache.get("a");
    cache.reset(true);
    await inFlight;
    await cache.get("a");
    expect(batches).toEqual([["a"], ["a"]]);
  });

  it("evicts the entry loaded first when full, and keeps the others", async () => {
    const { batches, loadMany } = recordingLoader();
    const cache = createSettingsCache({ loadMany, maxEntries: 2 });
    await cache.get("a");
    await cache.get("b");
    await cache.get("c");
    await cache.get("b");
    await cache.get("c");
    await cache.get("a");
    expect(batches).toEqual([["a"], ["b"], ["c"], ["a"]]);
  });

  it("primes a bin only if nothing was invalidated since, and never over a fresh entry", async () => {
    const { batches, loadMany } = recordingLoader();
    const cache = createSettingsCache({ loadMany });
    const since = cache.changes();
    cache.prime("a", "primed a", since);
    expect(cache.peek("a")).toBe("primed a");
    expect(await cache.get("a")).toBe("primed a");
    // Any invalidation after `since` (a change may have been announced meanwhile): not stored.
    cache.invalidate("other");
    cache.prime("b", "primed b", since);
    expect(cache.peek("b")).toBeUndefined();
    // A loaded entry is not overwritten.
    expect(await cache.get("c")).toBe("settings of c");
    cache.prime("c", "primed c", cache.changes());
    expect(cache.peek("c")).toBe("settings of c");
    expect(batches).toEqual([["c"]]);
  });

  it("tells whether a load of a bin is in flight", async () => {
    const { loadMany } = recordingLoader();
    const cache = createSettingsCache({ loadMany });
    expect(cache.loading("a")).toBe(false);
    const load = cache.get("a");
    expect(cache.loading("a")).toBe(true);
    await load;
    expect(cache.loading("a")).toBe(false);
  });

  it("peeks at a loaded, fresh entry only", async () => {
    let clock = 0;
    const { batches, loadMany } = recordingLoader(new Set(["bad"]));
    const cache = createSettingsCache({ loadMany, unannouncedTtlMs: 1000, now: () => clock });
    expect(cache.peek("a")).toBeUndefined();
    const loading = cache.get("a");
    expect(cache.peek("a")).toBeUndefined();
    await loading;
    expect(cache.peek("a")).toBe("settings of a");
    await expect(cache.get("bad")).rejects.toThrow();
    expect(cache.peek("bad")).toBeUndefined();
    clock = 1000;
    expect(cache.peek("a")).toBeUndefined();
    cache.reset(true);
    await cache.get("a");
    cache.invalidate("a");
    expect(cache.peek("a")).toBeUndefined();
    expect(batches).toEqual([["a"], ["bad"], ["a"]]);
  });
});
