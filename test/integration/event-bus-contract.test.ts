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

async function eventually(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
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

  it("delivers a published event to subscribers of that bin, across instances", async () => {
    buses = create();
    const [publisher, subscriber] = buses as [EventBus, EventBus];
    const sink = collector();
    await ready(subscriber, "bin-a", sink);
    await publisher.publish({ binId: "bin-a", deliveryId: "d1" });
    await eventually(() => sink.events.length === 1);
    expect(sink.events).toEqual([{ binId: "bin-a", deliveryId: "d1" }]);
  });

  it("does not deliver other bins' events", async () => {
    buses = create();
    const [publisher, subscriber] = buses as [EventBus, EventBus];
    const a = collector();
    const b = collector();
    await ready(subscriber, "bin-a", a);
    await ready(subscriber, "bin-b", b);
    await publisher.publish({ binId: "bin-b", deliveryId: "x" });
    await publisher.publish({ binId: "bin-a", deliveryId: "y" });
    await eventually(() => a.events.length === 1 && b.events.length === 1);
    expect(a.events.map((e) => e.deliveryId)).toEqual(["y"]);
    expect(b.events.map((e) => e.deliveryId)).toEqual(["x"]);
  });

  it("keeps publish order for many events, and fans out to every subscriber", async () => {
    buses = create();
    const [publisher, subscriber] = buses as [EventBus, EventBus];
    const first = collector();
    const second = collector();
    await ready(subscriber, "bin-c", first);
    await ready(subscriber, "bin-c", second);
    const ids = Array.from({ length: 100 }, (_, i) => `d${i}`);
    await Promise.all(ids.map((deliveryId) => publisher.publish({ binId: "bin-c", deliveryId })));
    await eventually(() => first.events.length === 100 && second.events.length === 100);
    expect(first.events.map((e) => e.deliveryId)).toEqual(ids);
    expect(second.events.map((e) => e.deliveryId)).toEqual(ids);
  });

  it("carries bin-change events (no delivery id) across instances", async () => {
    buses = create();
    const [publisher, subscriber] = buses as [EventBus, EventBus];
    const sink = collector();
    await ready(subscriber, "bin-e", sink);
    await publisher.publish({ binId: "bin-e", deliveryId: null });
    await publisher.publish({ binId: "bin-e", deliveryId: "after" });
    await eventually(() => sink.events.length === 2);
    expect(sink.events).toEqual([
      { binId: "bin-e", deliveryId: null },
      { binId: "bin-e", deliveryId: "after" },
    ]);
  });

  it("stops delivering after unsubscribe", async () => {
    buses = create();
    const [publisher, subscriber] = buses as [EventBus, EventBus];
    const sink = collector();
    const unsubscribe = await ready(subscriber, "bin-d", sink);
    unsubscribe();
    await publisher.publish({ binId: "bin-d", deliveryId: "late" });
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.events).toEqual([]);
  });

  it("carries bin ids of any valid form and delivery ids verbatim", async () => {
    buses = create();
    const [publisher, subscriber] = buses as [EventBus, EventBus];
    const binId = "A-z_0".repeat(12).slice(0, 64);
    const sink = collector();
    await ready(subscriber, binId, sink);
    await publisher.publish({ binId, deliveryId: "019a0000-0000-7000-8000-000000000000" });
    await eventually(() => sink.events.length === 1);
    expect(sink.events[0]).toEqual({ binId, deliveryId: "019a0000-0000-7000-8000-000000000000" });
  });
});
