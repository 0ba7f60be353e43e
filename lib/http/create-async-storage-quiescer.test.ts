import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, describe, expect, it } from "vitest";
import {
  createAsyncStorageQuiescer,
  type AsyncStorageQuiescer,
} from "@/lib/http/create-async-storage-quiescer";

// A hand-driven timer: the quiet period passes when the test says so.
function createManualTimers() {
  const pending = new Map<object, () => void>();
  return {
    setTimer(callback: () => void) {
      const timer = {};
      pending.set(timer, callback);
      return timer;
    },
    clearTimer(timer: object) {
      pending.delete(timer);
    },
    elapse() {
      const due = [...pending.values()];
      pending.clear();
      for (const callback of due) callback();
    },
    get pending() {
      return pending.size;
    },
  };
}

/** How often the storage's async hook ran for it while `run` made promises: the per-promise cost. */
function countHookCalls(storage: AsyncLocalStorage<unknown>, run: () => void): number {
  const hooked = storage as unknown as { _propagate: (...args: unknown[]) => void };
  const original = hooked._propagate;
  let calls = 0;
  hooked._propagate = function propagate(this: unknown, ...args: unknown[]) {
    calls++;
    original.apply(this, args);
  };
  run();
  hooked._propagate = original;
  return calls;
}

const isEnabled = (storage: AsyncLocalStorage<unknown>) =>
  (storage as unknown as { enabled: boolean }).enabled;

let quiescer: AsyncStorageQuiescer | undefined;
afterEach(() => quiescer?.uninstall());

describe("createAsyncStorageQuiescer", () => {
  it("takes the per-promise hook off once quiet (this Node runs AsyncLocalStorage on hooks)", () => {
    const timers = createManualTimers();
    quiescer = createAsyncStorageQuiescer(timers);
    expect(quiescer.active).toBe(true);
    const storage = new AsyncLocalStorage<string>();
    const makePromises = () => {
      for (let i = 0; i < 10; i++) void Promise.resolve(i);
    };
    const end = quiescer.begin();
    storage.run("request", () => {});
    end();
    expect(countHookCalls(storage, makePromises)).toBeGreaterThanOrEqual(10);
    timers.elapse();
    expect(countHookCalls(storage, makePromises)).toBe(0);
  });

  it("disables the storages a request enabled once no request is in flight for the quiet period", async () => {
    const timers = createManualTimers();
    quiescer = createAsyncStorageQuiescer(timers);
    const storage = new AsyncLocalStorage<string>();
    const end = quiescer.begin();
    // The store still flows through awaits while the request runs.
    const seen = await storage.run("request-1", async () => {
      await Promise.resolve();
      return storage.getStore();
    });
    expect(seen).toBe("request-1");
    expect(isEnabled(storage)).toBe(true);
    end();
    expect(isEnabled(storage)).toBe(true);
    timers.elapse();
    expect(isEnabled(storage)).toBe(false);

    // The next request enables it again, and its store flows as before.
    const endNext = quiescer.begin();
    const again = await storage.run("request-2", async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return storage.getStore();
    });
    expect(again).toBe("request-2");
    expect(isEnabled(storage)).toBe(true);
    endNext();
    timers.elapse();
    expect(isEnabled(storage)).toBe(false);
  });

  it("never disables while a request is in flight, and restarts the quiet period on each", () => {
    const timers = createManualTimers();
    quiescer = createAsyncStorageQuiescer(timers);
    const storage = new AsyncLocalStorage<number>();
    const first = quiescer.begin();
    const second = quiescer.begin();
    storage.run(1, () => {});
    first();
    expect(timers.pending).toBe(0);
    second();
    second(); // ending twice counts once
    expect(timers.pending).toBe(1);
    // A request arriving within the quiet period keeps the storages on.
    const third = quiescer.begin();
    expect(timers.pending).toBe(0);
    timers.elapse();
    expect(isEnabled(storage)).toBe(true);
    third();
    timers.elapse();
    expect(isEnabled(storage)).toBe(false);
  });

  it("schedules nothing when no storage was enabled, and uninstall restores AsyncLocalStorage", () => {
    const timers = createManualTimers();
    const original = (AsyncLocalStorage.prototype as unknown as { _enable: unknown })._enable;
    quiescer = createAsyncStorageQuiescer(timers);
    quiescer.begin()();
    expect(timers.pending).toBe(0);
    quiescer.uninstall();
    expect((AsyncLocalStorage.prototype as unknown as { _enable: unknown })._enable).toBe(original);
  });
});
