import type { BinChangeHandlers, DeliveryEvent, EventBus } from "@/lib/live/event-bus";

interface Subscriber {
  onEvent: (event: DeliveryEvent) => void;
  onResync?: () => void;
}

/** Single-process bus (tests, tools). Delivery is asynchronous, like the Postgres one. */
export function createMemoryEventBus({
  onError = () => {},
}: { onError?: (message: string) => void } = {}): EventBus {
  const subscribers = new Map<string, Set<Subscriber>>();
  const binChangeSubscribers = new Set<BinChangeHandlers>();
  const bus: EventBus = {
    announce(event) {
      bus
        .publish(event)
        .catch((error: unknown) =>
          onError(`live bus: ${error instanceof Error ? error.message : String(error)}`),
        );
    },
    async publish(event) {
      // The Postgres bus sends events as lines; the same rule here keeps the two alike.
      if (`${event.binId} ${event.deliveryId ?? ""}`.includes("\n")) {
        throw new Error("an event's ids must not contain a line break");
      }
      if (event.deliveryId === null) {
        for (const handlers of [...binChangeSubscribers]) {
          queueMicrotask(() => handlers.onChange(event.binId));
        }
      }
      const set = subscribers.get(event.binId);
      if (!set) return;
      for (const subscriber of [...set]) {
        queueMicrotask(() => subscriber.onEvent(event));
      }
    },
    subscribe(binId, onEvent, onResync) {
      const subscriber: Subscriber = { onEvent, onResync };
      let set = subscribers.get(binId);
      if (!set) subscribers.set(binId, (set = new Set()));
      set.add(subscriber);
      if (onResync) queueMicrotask(onResync);
      return () => {
        set.delete(subscriber);
        if (set.size === 0) subscribers.delete(binId);
      };
    },
    subscribeBinChanges(handlers) {
      binChangeSubscribers.add(handlers);
      // Never lost: one process, nothing to drop.
      queueMicrotask(handlers.onResync);
      return () => {
        binChangeSubscribers.delete(handlers);
      };
    },
    async close() {
      subscribers.clear();
      binChangeSubscribers.clear();
    },
  };
  return bus;
}
