/**
 * A new delivery was committed, or (deliveryId null) the bin changed otherwise: settings or
 * secret, deliveries deleted. Slim on purpose: NOTIFY payloads are capped near 8 KB.
 */
export interface DeliveryEvent {
  /** No space and no line break (the payload's separators). */
  binId: string;
  /** No line break: publish refuses one. */
  deliveryId: string | null;
}

export type Unsubscribe = () => void;

/** What a cache of bin state (settings, secrets) hears: `subscribeBinChanges`. */
export interface BinChangeHandlers {
  /** The bin changed (settings, secret, schema, deleted): what was read of it is stale. */
  onChange: (binId: string) => void;
  /** From now on every change is announced (the subscription is live, or live again). */
  onResync: () => void;
  /** From now on changes may go unannounced (the listener dropped) until the next `onResync`. */
  onLost: () => void;
}

/**
 * Fan-out of "a delivery was stored" to every live view, in this process or (Postgres
 * implementation) in every instance on the same database.
 */
export interface EventBus {
  /** Resolves once the event is sent (it may still be lost later, like any notification). */
  publish: (event: DeliveryEvent) => Promise<void>;
  /**
   * `publish` for the capture path, which never waits for or fails on it: no promise per
   * event. A failure (an id with a line break, a lost statement) goes to the bus's error
   * report, once per failed send rather than once per event.
   */
  announce: (event: DeliveryEvent) => void;
  /**
   * `onResync` fires once the subscription is live (events published from then on arrive),
   * and again whenever events may have been missed (e.g. the listener reconnected): the
   * subscriber should then re-read what it might have missed.
   */
  subscribe: (
    binId: string,
    onEvent: (event: DeliveryEvent) => void,
    onResync?: () => void,
  ) => Unsubscribe;
  /**
   * Every bin's change events (those with no delivery id), for caches of bin state: a cache
   * may keep what it read for as long as the subscription is live, and must stop trusting it
   * on `onLost`.
   */
  subscribeBinChanges: (handlers: BinChangeHandlers) => Unsubscribe;
  close: () => Promise<void>;
}
