import { createMemoryEventBus } from "@/lib/live/create-memory-event-bus";
import type { EventBus } from "@/lib/live/event-bus";

/** An in-memory bus that counts its open subscriptions (to prove they are all given back). */
export function createCountingBus(): { bus: EventBus; subscriptions: () => number } {
  const memory = createMemoryEventBus();
  let subscriptions = 0;
  const bus: EventBus = {
    publish: memory.publish,
    announce: memory.announce,
    close: memory.close,
    subscribeBinChanges: memory.subscribeBinChanges,
    subscribe(binId, onEvent, onResync) {
      subscriptions++;
      const unsubscribe = memory.subscribe(binId, onEvent, onResync);
      return () => {
        subscriptions--;
        unsubscribe();
      };
    },
  };
  return { bus, subscriptions: () => subscriptions };
}
