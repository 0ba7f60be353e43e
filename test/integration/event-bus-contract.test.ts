import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createMemoryEventBus } from "@/lib/live/create-memory-event-bus";
import { createPostgresEventBus } from "@/lib/live/create-postgres-event-bus";
import type { DeliveryEvent, EventBus } from "@/lib/live/event-bus";

// One contract, every implementation: what the SSE stream relies on.
const databaseUrl = inject("databaseUrl");

const implementations: Array<[string, () => EventBus[]]> = [
  [
    "memory",
    () => {
      const bus = createMemoryEventBus();
      return [bus, bus];
    },
  ],
  [
    "postgres (two instances on one database)",
    () => [
      createPostgresEventBus({ databaseUrl, channel: "contract_test", reconnectDelayMs: 100 }),
      createPostgresEventBus({ databaseUrl, channel: "contract_test", reconnectDelayMs: 100 }),
    ],
  ],
];

function collector() {
  const events: DeliveryEvent[] = [];
  let resyncs = 0;
  return {
    events,
    get resyncs() {
      return resyncs;
    },
    onEvent: (event: DeliveryEvent) => events.push(event),
    onResync: () => resyncs++,
  };
}

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each(implementations)("EventBus contract: %s", (_name, create) => {
  it("reports a new subscription live through onResync", async () => {
    buses = create();
    const sink = collector();
    buses[1]!.subscribe("bin-live", sink.onEvent, sink.onResync);
    await eventually(() => sink.resyncs === 1);
  });

  let buses: EventBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    buses = [];
  });

  // The Postgres listener reports readiness through onResync (it may have missed events).
  async function ready(bus: EventBus, binId: string, sink: ReturnType<typeof collector>) {
    const unsubscribe = bus.subscribe(binId, sink.onEvent, sink.onResync);
    if (bus !== buses[0] || _name !== "memory")
      await eventually(() => sink.resyncs > 0 || _name === "memory");
    return unsubscribe;
  }

  /**
   * Fresh buses (publisher first), and one ready collector on the second bus per bin listed
   * (a bin listed twice gets two subscribers), with their unsubscribe functions.
   */
  async function subscribeTo(...binIds: string[]) {
    buses = create();
    const [publisher, subscriber] = buses as [EventBus, EventBus];
    const sinks: Array<ReturnType<typeof collector>> = [];
    const unsubscribes: Array<() => void> = [];
    for (const binId of binIds) {
      const sink = collector();
      unsubscribes.push(await ready(subscriber, binId, sink));
      sinks.push(sink);
    }
    return { publisher, sinks, unsubscribes };
  }
  const deliveryIds = (sink: ReturnType<typeof collector>) =>
    sink.events.map((event) => event.deliveryId);

  it("delivers a published event to subscribers of that bin, across instances", async () => {
    const { publisher, sinks } = await subscribeTo("bin-a");
    await publisher.publish({ binId: "bin-a", deliveryId: "d1" });
    await eventually(() => sinks[0]!.events.length === 1);
    expect(sinks[0]!.events).toEqual([{ binId: "bin-a", deliveryId: "d1" }]);
  });

  it("does not deliver other bins' events", async () => {
    const { publisher, sinks } = await subscribeTo("bin-a", "bin-b");
    const [a, b] = sinks as [ReturnType<typeof collector>, ReturnType<typeof collector>];
    await publisher.publish({ binId: "bin-b", deliveryId: "x" });
    await publisher.publish({ binId: "bin-a", deliveryId: "y" });
    await eventually(() => a.events.length === 1 && b.events.length === 1);
    expect(deliveryIds(a)).toEqual(["y"]);
    expect(deliveryIds(b)).toEqual(["x"]);
  });

  it("keeps publish order for many events, and fans out to every subscriber", async () => {
    const { publisher, sinks } = await subscribeTo("bin-c", "bin-c");
    const ids = Array.from({ length: 100 }, (_, i) => `d${i}`);
    await Promise.all(ids.map((deliveryId) => publisher.publish({ binId: "bin-c", deliveryId })));
    await eventually(() => sinks.every((sink) => sink.events.length === 100));
    expect(sinks.map(deliveryIds)).toEqual([ids, ids]);
  });

  it("carries bin-change events (no delivery id) across instances", async () => {
    const { publisher, sinks } = await subscribeTo("bin-e");
    await publisher.publish({ binId: "bin-e", deliveryId: null });
    await publisher.publish({ binId: "bin-e", deliveryId: "after" });
    await eventually(() => sinks[0]!.events.length === 2);
    expect(sinks[0]!.events).toEqual([
      { binId: "bin-e", deliveryId: null },
      { binId: "bin-e", deliveryId: "after" },
    ]);
  });

  it("stops delivering after unsubscribe", async () => {
    const { publisher, sinks, unsubscribes } = await subscribeTo("bin-d");
    unsubscribes[0]!();
    await publisher.publish({ binId: "bin-d", deliveryId: "late" });
    await new Promise((r) => setTimeout(r, 200));
    expect(sinks[0]!.events).toEqual([]);
  });

  it("carries bin ids of any valid form and delivery ids verbatim", async () => {
    const binId = "A-z_0".repeat(12).slice(0, 64);
    const { publisher, sinks } = await subscribeTo(binId);
    await publisher.publish({ binId, deliveryId: "019a0000-0000-7000-8000-000000000000" });
    await eventually(() => sinks[0]!.events.length === 1);
    expect(sinks[0]!.events).toEqual([
      { binId, deliveryId: "019a0000-0000-7000-8000-000000000000" },
    ]);
  });

  it("announces without a promise, in order with what is published", async () => {
    const { publisher, sinks } = await subscribeTo("bin-an");
    expect(publisher.announce({ binId: "bin-an", deliveryId: "a1" })).toBeUndefined();
    await publisher.publish({ binId: "bin-an", deliveryId: "p1" });
    publisher.announce({ binId: "bin-an", deliveryId: "a2" });
    await eventually(() => sinks[0]!.events.length === 3);
    expect(deliveryIds(sinks[0]!)).toEqual(["a1", "p1", "a2"]);
  });

  it("refuses an id with a line break (events travel as lines of one payload)", async () => {
    const { publisher, sinks } = await subscribeTo("bin-n");
    await expect(publisher.publish({ binId: "bin-n", deliveryId: "a\nbin-n b" })).rejects.toThrow(
      /line break/,
    );
    await publisher.publish({ binId: "bin-n", deliveryId: "ok" });
    await eventually(() => sinks[0]!.events.length === 1);
    expect(deliveryIds(sinks[0]!)).toEqual(["ok"]);
  });

  it("tells bin-change subscribers of every bin's changes, and of no delivery", async () => {
    buses = create();
    const [publisher, subscriber] = buses as [EventBus, EventBus];
    const changed: string[] = [];
    let resyncs = 0;
    const unsubscribe = subscriber.subscribeBinChanges({
      onChange: (binId) => changed.push(binId),
      onResync: () => resyncs++,
      onLost: () => {},
    });
    await eventually(() => resyncs === 1);
    await publisher.publish({ binId: "bin-x", deliveryId: "d1" });
    await publisher.publish({ binId: "bin-x", deliveryId: null });
    await publisher.publish({ binId: "bin-y", deliveryId: null });
    await eventually(() => changed.length === 2);
    unsubscribe();
    await publisher.publish({ binId: "bin-z", deliveryId: null });
    await new Promise((r) => setTimeout(r, 200));
    expect(changed).toEqual(["bin-x", "bin-y"]);
  });
});

describe("EventBus: announce reports what it cannot send", () => {
  it.each([
    ["memory", (onError: (m: string) => void) => createMemoryEventBus({ onError })],
    [
      "postgres",
      (onError: (m: string) => void) =>
        createPostgresEventBus({ databaseUrl, channel: "announce_test", onError }),
    ],
  ])("%s: an id with a line break goes to onError, and nothing throws", async (_name, create) => {
    const errors: string[] = [];
    const bus = create((message) => errors.push(message));
    try {
      expect(() => bus.announce({ binId: "bin-x", deliveryId: "a\nb" })).not.toThrow();
      await eventually(() => errors.length === 1);
      expect(errors[0]).toMatch(/line break/);
    } finally {
      await bus.close();
    }
  });
});

describe("EventBus: postgres notifications", () => {
  it("packs a burst into few notifications under the payload cap, in order", async () => {
    const channel = "contract_test_packing";
    const bus = createPostgresEventBus({ databaseUrl, channel });
    const watcher = new pg.Client({ connectionString: databaseUrl });
    await watcher.connect();
    const payloads: string[] = [];
    watcher.on("notification", (message) => payloads.push(message.payload ?? ""));
    await watcher.query(`LISTEN ${channel}`);
    const sink = collector();
    const binId = "b".repeat(64);
    bus.subscribe(binId, sink.onEvent, sink.onResync);
    try {
      await eventually(() => sink.resyncs === 1);
      const ids = Array.from(
        { length: 1000 },
        (_, i) => `019a0000-0000-7000-8000-${String(i).padStart(12, "0")}`,
      );
      await Promise.all(ids.map((deliveryId) => bus.publish({ binId, deliveryId })));
      await eventually(() => sink.events.length === 1000);
      expect(sink.events.map((event) => event.deliveryId)).toEqual(ids);
      // ~101 bytes an event: 1,000 events need at least 13 payloads of < 8000 bytes.
      expect(payloads.length).toBeGreaterThanOrEqual(13);
      expect(payloads.length).toBeLessThan(100);
      for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
      expect(payloads.flatMap((payload) => payload.split("\n"))).toEqual(
        ids.map((id) => `${binId} ${id}`),
      );
    } finally {
      await bus.close();
      await watcher.end();
    }
  });
});

describe("EventBus: postgres deliveries' channel", () => {
  /** What the listener connection of a bus on `channel` last sent (LISTEN / UNLISTEN ...). */
  async function lastListenerQuery(admin: pg.Client, channel: string): Promise<string[]> {
    const { rows } = await admin.query<{ query: string }>(
      "SELECT query FROM pg_stat_activity WHERE query LIKE '%LISTEN %' AND query LIKE $1",
      [`%${channel}%`],
    );
    return rows.map((row) => row.query);
  }

  it("is listened to only while this process has a delivery subscriber", async () => {
    const channel = `deliveries_test_${process.pid}`;
    const publisher = createPostgresEventBus({ databaseUrl, channel });
    const bus = createPostgresEventBus({ databaseUrl, channel, unlistenDelayMs: 50 });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      // A settings cache alone: bin changes only.
      let resynced = 0;
      const changes: string[] = [];
      bus.subscribeBinChanges({
        onChange: (binId) => changes.push(binId),
        onResync: () => resynced++,
        onLost: () => {},
      });
      await eventually(() => resynced === 1);
      expect(await lastListenerQuery(admin, channel)).toEqual([
        `LISTEN ${pg.escapeIdentifier(`${channel}_bins`)}`,
      ]);

      // A live view comes: live only once deliveries are listened to, and they arrive.
      const first = collector();
      const unsubscribe = bus.subscribe("bin-a", first.onEvent, first.onResync);
      await eventually(() => first.resyncs === 1);
      expect(await lastListenerQuery(admin, channel)).toEqual([
        `LISTEN ${pg.escapeIdentifier(channel)}`,
      ]);
      await publisher.publish({ binId: "bin-a", deliveryId: "d1" });
      await eventually(() => first.events.length === 1);

      // It leaves: the channel is given up after the delay; bin changes still arrive.
      unsubscribe();
      await eventually(
        async () =>
          (await lastListenerQuery(admin, channel))[0] ===
          `UNLISTEN ${pg.escapeIdentifier(channel)}`,
      );
      await publisher.publish({ binId: "bin-a", deliveryId: null });
      await eventually(() => changes.includes("bin-a"));

      // Another comes back: listened to again before it is told it is live.
      const second = collector();
      bus.subscribe("bin-a", second.onEvent, second.onResync);
      await eventually(() => second.resyncs === 1);
      await publisher.publish({ binId: "bin-a", deliveryId: "d2" });
      await eventually(() => second.events.length === 1);
      expect(second.events).toEqual([{ binId: "bin-a", deliveryId: "d2" }]);
      expect(first.events).toEqual([{ binId: "bin-a", deliveryId: "d1" }]);
    } finally {
      await admin.end();
      await bus.close();
      await publisher.close();
    }
  });

  it("keeps publish order across the two channels", async () => {
    const channel = `order_test_${process.pid}`;
    const publisher = createPostgresEventBus({ databaseUrl, channel });
    const bus = createPostgresEventBus({ databaseUrl, channel });
    try {
      const sink = collector();
      bus.subscribe("bin-o", sink.onEvent, sink.onResync);
      await eventually(() => sink.resyncs === 1);
      // (One change: PostgreSQL delivers identical payloads of one statement once.)
      const ids = ["d1", null, "d2", "d3", "d4"];
      await Promise.all(ids.map((deliveryId) => publisher.publish({ binId: "bin-o", deliveryId })));
      await eventually(() => sink.events.length === ids.length);
      expect(sink.events.map((event) => event.deliveryId)).toEqual(ids);
    } finally {
      await bus.close();
      await publisher.close();
    }
  });
});

describe("EventBus: postgres listener lost", () => {
  it("tells bin-change subscribers when announcements may be lost, then live again", async () => {
    const channel = `lost_test_${process.pid}`;
    const bus = createPostgresEventBus({ databaseUrl, channel, reconnectDelayMs: 100 });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const calls: string[] = [];
      bus.subscribeBinChanges({
        onChange: (binId) => calls.push(`change ${binId}`),
        onResync: () => calls.push("resync"),
        onLost: () => calls.push("lost"),
      });
      await eventually(() => calls.length === 1);
      // The listener's connection dies (a restart, a proxy's idle timeout).
      const { rowCount } = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1",
        [`LISTEN ${pg.escapeIdentifier(`${channel}_bins`)}`],
      );
      expect(rowCount).toBe(1);
      await eventually(() => calls.length === 3);
      expect(calls).toEqual(["resync", "lost", "resync"]);
      await bus.publish({ binId: "after", deliveryId: null });
      await eventually(() => calls.length === 4);
      expect(calls[3]).toBe("change after");
    } finally {
      await admin.end();
      await bus.close();
    }
  });
});
