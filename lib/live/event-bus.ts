/**
 * A new delivery was committed, or (deliveryId null) the bin changed otherwise: settings or
 * secret, deliveries deleted. Slim on purpose: NOTIFY payloads are capped near 8 KB.
 */
export interface DeliveryEvent {
  binId: string;
  deliveryId: string | null;
}

export type Unsubscribe = () => void;

/**
 * Fan-out of "a delivery was stored" to every live view, in this process or (Postgres
 * implementation) in every instance on the same database.
 */
export interface EventBus {
  publish: (event: DeliveryEvent) => Promise<void>;
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
  close: () => Promise<void>;
}
