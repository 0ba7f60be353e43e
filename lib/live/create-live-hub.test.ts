import { describe, expect, it } from "vitest";
import { createLiveHub, type LiveHubItem } from "@/lib/live/create-live-hub";
import { createCountingBus } from "@/test/support/create-counting-bus";
import { uuidLowerBound } from "@/lib/ids/uuid-lower-bound";

const BIN = "hub-bin";

/** A UUIDv7-shaped id for a millisecond timestamp and a sequence number. */
function idAt(ms: number, seq: number): string {
  const base = uuidLowerBound(ms);
  return `${base.slice(0, 24)}${seq.toString(16).padStart(12, "0")}`;
}

interface Item extends LiveHubItem {
  body: string;
}

/** A bus that counts its open subscriptions, and fake readers over an in-memory table. */
function setup(options: { maxQueueBytes?: number; rows?: Item[] } = {}) {
  const { bus, subscriptions } = createCountingBus();
  const rows: Item[] = options.rows ?? [];
  const byIdsCalls: string[][] = [];
  const afterCalls: string[] = [];
  const hub = createLiveHub<Item>({
    bus,
    readByIds: async ({ ids }) => {
      byIdsCalls.push(ids);
      return rows.filter((row) => ids.includes(row.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    readAfter: async ({ after, limit }) => {
      afterCalls.push(after);
      return rows
        .filter((row) => row.id > after)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .slice(0, limit);
    },
    decorate: async ({ deliveries }) => deliveries.map((d) => ({ ...d, decorated: true })),
    gatherMs: 10,
    maxQueueBytes: options.maxQueueBytes,
  });
  let seq = 0;
  const capture = (body: string) => {
    const row = { id: idAt(Date.now(), ++seq), body };
    rows.push(row);
    return row;
  };
  return { hub, bus, rows, byIdsCalls, afterCalls, capture, subscriptions };
}

/** Reads a stream into SSE frames (split on blank lines) as they arrive. */
function collect(stream: ReadableStream<Uint8Array>) {
  const frames: string[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  let error: unknown = null;
  let done = false;
  const reader = stream.getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        let split: number;
        while ((split = buffer.indexOf("\n\n")) >= 0) {
          frames.push(buffer.slice(0, split));
          buffer = buffer.slice(split + 2);
        }
      }
    } catch (caught) {
      error = caught;
    }
    done = true;
  })();
  return {
    frames,
    deliveries: () => frames.filter((f) => f.includes("event: delivery")),
    ids: () =>
      frames.filter((f) => f.includes("event: delivery")).map((f) => /^id: (.+)$/m.exec(f)![1]!),
    get error() {
      return error;
    },
    get done() {
      return done;
    },
  };
}

async function eventually(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("createLiveHub", () => {
  it("reads once per batch for 50 streams, which all get identical frames in order", async () => {
    const { hub, bus, byIdsCalls, capture } = setup();
    const streams = Array.from({ length: 50 }, () =>
      collect(hub.open({ binId: BIN, lastEventId: null }).stream),
    );
    await eventually(() => streams.every((s) => s.frames.some((f) => f.includes("event: ready"))));
    const K = 25;
    const batch = Array.from({ length: K }, (_, i) => capture(`body-${i}`));
    for (const row of batch) void bus.publish({ binId: BIN, deliveryId: row.id });
    await eventually(() => streams.every((s) => s.deliveries().length === K));

    expect(byIdsCalls).toHaveLength(1);
    expect(byIdsCalls[0]).toHaveLength(K);
    const expected = streams[0]!.deliveries();
    expect(expected.map((f) => /^id: (.+)$/m.exec(f)![1])).toEqual(batch.map((row) => row.id));
    expect(JSON.parse(expected[0]!.split("data: ")[1]!)).toMatchObject({
      body: "body-0",
      decorated: true,
    });
    for (const stream of streams) expect(stream.deliveries()).toEqual(expected);

    // A second batch: one more read, not fifty.
    const second = [capture("x"), capture("y")];
    for (const row of second) void bus.publish({ binId: BIN, deliveryId: row.id });
    await eventually(() => streams.every((s) => s.deliveries().length === K + 2));
    expect(byIdsCalls).toHaveLength(2);
  });

  it("subscribes to the bus once per bin and unsubscribes when the last stream closes", async () => {
    const { hub, subscriptions } = setup();
    const controllers = Array.from({ length: 3 }, () => new AbortController());
    const ended: number[] = [];
    const streams = controllers.map((controller, index) =>
      hub.open({
        binId: BIN,
        lastEventId: null,
        signal: controller.signal,
        onEnd: () => ended.push(index),
      }),
    );
    const other = hub.open({ binId: "other-bin", lastEventId: null });
    expect(subscriptions()).toBe(2);
    expect(hub.binCount()).toBe(2);

    controllers[0]!.abort();
    await streams[1]!.stream.cancel();
    expect(subscriptions()).toBe(2);
    streams[2]!.close();
    // Every way out ends a stream exactly once, even when several happen.
    streams[2]!.close();
    controllers[2]!.abort();
    expect(ended).toEqual([0, 1, 2]);
    expect(subscriptions()).toBe(1);
    expect(hub.binCount()).toBe(1);
    other.close();
    expect(subscriptions()).toBe(0);
    expect(hub.binCount()).toBe(0);
  });

  it("passes bin-changed events to every stream", async () => {
    const { hub, bus } = setup();
    const streams = [1, 2].map(() => collect(hub.open({ binId: BIN, lastEventId: null }).stream));
    await eventually(() => streams.every((s) => s.frames.length > 0));
    void bus.publish({ binId: BIN, deliveryId: null });
    await eventually(() =>
      streams.every((s) => s.frames.includes(`event: bin-changed\ndata: {"binId":"${BIN}"}`)),
    );
  });

  it("drops a stream that stops reading past its queue bound, while the others continue", async () => {
    const { hub, bus, capture } = setup({ maxQueueBytes: 2048 });
    let slowEnded = 0;
    const slow = hub.open({ binId: BIN, lastEventId: null, onEnd: () => slowEnded++ });
    const fast = collect(hub.open({ binId: BIN, lastEventId: null }).stream);
    await eventually(() => fast.frames.some((f) => f.includes("event: ready")));
    const all: string[] = [];
    for (let round = 0; round < 10; round++) {
      const batch = Array.from({ length: 5 }, (_, i) =>
        capture(`${round}-${i}-${"x".repeat(200)}`),
      );
      all.push(...batch.map((row) => row.id));
      for (const row of batch) void bus.publish({ binId: BIN, deliveryId: row.id });
      await eventually(() => fast.ids().length === all.length);
    }
    expect(slowEnded).toBe(1);
    expect(fast.ids()).toEqual(all);
    // The slow stream was cut (its queue discarded), so its client reconnects.
    const reader = slow.stream.getReader();
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return "ended cleanly";
      })(),
    ).rejects.toMatchObject({ name: "AbortError" });
  });

  it("a stream resuming after Last-Event-ID catches up on its own, then joins without gap or double", async () => {
    const { hub, bus, capture, byIdsCalls, afterCalls } = setup();
    const first = capture("first");
    const missed = [capture("missed-1"), capture("missed-2")];
    const watcher = collect(hub.open({ binId: BIN, lastEventId: null }).stream);
    await eventually(() => watcher.frames.some((f) => f.includes("event: ready")));
    const callsBefore = afterCalls.length;

    const resumed = collect(hub.open({ binId: BIN, lastEventId: first.id }).stream);
    // A notification for a delivery the catch-up also reads, arriving as the stream joins.
    void bus.publish({ binId: BIN, deliveryId: missed[1]!.id });
    await eventually(() => resumed.ids().length >= 2);
    expect(afterCalls.length).toBe(callsBefore + 1);
    const later = capture("later");
    void bus.publish({ binId: BIN, deliveryId: later.id });
    await eventually(() => resumed.ids().includes(later.id));
    await eventually(() => watcher.ids().includes(later.id));
    expect(resumed.ids()).toEqual([missed[0]!.id, missed[1]!.id, later.id]);
    expect(resumed.frames[0]).toContain("event: ready");
    expect(byIdsCalls.flat()).toContain(later.id);
  });

  it("streams opening together share their catch-up reads and each get the whole window", async () => {
    const { hub, capture, afterCalls } = setup();
    const recent = [capture("a"), capture("b"), capture("c")];
    const streams = Array.from({ length: 20 }, () =>
      collect(hub.open({ binId: BIN, lastEventId: null }).stream),
    );
    await eventually(() => streams.every((s) => s.ids().length === recent.length));
    for (const stream of streams) expect(stream.ids()).toEqual(recent.map((row) => row.id));
    expect(afterCalls).toHaveLength(1);
  });

  it("a stream that joins after a catch-up page was read reads its own: nothing falls between", async () => {
    const { hub, bus, capture, afterCalls } = setup();
    const before = capture("before");
    const first = collect(hub.open({ binId: BIN, lastEventId: null }).stream);
    await eventually(() => first.ids().length === 1);
    // Announced before the second stream joins: only a page read after its join holds it.
    const announced = capture("announced");
    void bus.publish({ binId: BIN, deliveryId: announced.id });
    await eventually(() => first.ids().includes(announced.id));
    const second = collect(hub.open({ binId: BIN, lastEventId: null }).stream);
    await eventually(() => second.ids().length === 2);
    expect(second.ids()).toEqual([before.id, announced.id]);
    expect(afterCalls).toHaveLength(2);
  });
});
