/** A new delivery was committed. Slim on purpose: NOTIFY payloads are capped near 8 KB. */
export interface DeliveryEvent {
  binId: string;
  deliveryId: string;
}

export type Unsubscribe = () => void;

/**
 * Fan-out of "a delivery was stored" to every live view, in this process or (Postgres
 * implementation) in every instance on the same database.
 */
export interface EventBus {
  publish: (event: DeliveryEvent) => Promise<void>;
  /** `onResync` fires when events may have been missed (e.g. the listener reconnected). */
  subscribe: (
    binId: string,
    onEvent: (event: DeliveryEvent) => void,
    onResync?: () => void,
  ) => Unsubscribe;
  close: () => Promise<void>;
}
