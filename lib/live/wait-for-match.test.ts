import { describe, expect, it } from "vitest";
import { createCountingBus } from "@/test/support/create-counting-bus";
import { waitForMatch } from "@/lib/live/wait-for-match";

const BIN = "wait-bin";

/** An in-memory table of bodies, a bus that counts subscriptions, and a find over the table. */
function setup() {
  const { bus, subscriptions } = createCountingBus();
  const rows: Array<{ id: string; body: string }> = [];
  const searches: Array<string[] | undefined> = [];
  let afterSearch: () => void = () => {};
  const find = async ({ ids }: { ids?: string[] }) => {
    searches.push(ids);
    const found = rows.find(
      (row) => row.body.startsWith("match") && (ids === undefined || ids.includes(row.id)),
    );
    afterSearch();
    return found ?? null;
  };
  let seq = 0;
  const capture = (body: string, publish = true) => {
    const row = { id: `id-${++seq}`, body };
    rows.push(row);
    if (publish) void bus.publish({ binId: BIN, deliveryId: row.id });
    return row;
  };
  return {
    bus,
    find,
    capture,
    searches,
    afterSearch: (hook: () => void) => (afterSearch = hook),
    subscriptions,
  };
}

describe("waitForMatch", () => {
  it("finds a match that is already there", async () => {
    const { bus, find, capture, subscriptions } = setup();
    const row = capture("match-1", false);
    await expect(waitForMatch({ bus, binId: BIN, find, timeoutMs: 5000 })).resolves.toEqual(row);
    expect(subscriptions()).toBe(0);
  });

  it("finds a match announced later, searching only the announced ids", async () => {
    const { bus, find, capture, searches, subscriptions } = setup();
    const waiting = waitForMatch({ bus, binId: BIN, find, timeoutMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    capture("other");
    const row = capture("match-later");
    await expect(waiting).resolves.toEqual(row);
    expect(searches.at(-1)).toContain(row.id);
    expect(subscriptions()).toBe(0);
  });

  it("a match committed while a search runs is found by the next search (no race)", async () => {
    const { bus, find, capture, afterSearch, searches } = setup();
    let injected: { id: string } | null = null;
    // The first search misses it: the row commits (and is announced) while that search runs.
    afterSearch(() => {
      if (!injected) injected = capture("match-during-search");
    });
    const found = await waitForMatch({ bus, binId: BIN, find, timeoutMs: 5000 });
    expect(injected).not.toBeNull();
    expect(found).toEqual(injected);
    expect(searches.length).toBeGreaterThan(1);
  });

  it("searches everything again when the bin changed (deliveryId null)", async () => {
    const { bus, find, capture, searches } = setup();
    const waiting = waitForMatch({ bus, binId: BIN, find, timeoutMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const row = capture("match-silent", false);
    void bus.publish({ binId: BIN, deliveryId: null });
    await expect(waiting).resolves.toEqual(row);
    expect(searches.at(-1)).toBeUndefined();
  });

  it("answers null when the time is up, and unsubscribes", async () => {
    const { bus, find, capture, subscriptions } = setup();
    capture("not it");
    await expect(waitForMatch({ bus, binId: BIN, find, timeoutMs: 30 })).resolves.toBeNull();
    expect(subscriptions()).toBe(0);
  });

  it("answers null at once when aborted, and unsubscribes", async () => {
    const { bus, find, subscriptions } = setup();
    const controller = new AbortController();
    const waiting = waitForMatch({
      bus,
      binId: BIN,
      find,
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    expect(subscriptions()).toBe(1);
    controller.abort();
    await expect(waiting).resolves.toBeNull();
    expect(subscriptions()).toBe(0);
  });

  it("passes a failed search on as the error", async () => {
    const { bus, subscriptions } = setup();
    const failing = async () => {
      throw new Error("db down");
    };
    await expect(waitForMatch({ bus, binId: BIN, find: failing, timeoutMs: 5000 })).rejects.toThrow(
      "db down",
    );
    expect(subscriptions()).toBe(0);
  });
});
