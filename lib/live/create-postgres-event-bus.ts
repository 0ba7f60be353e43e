import pg from "pg";
import type { BinChangeHandlers, DeliveryEvent, EventBus } from "@/lib/live/event-bus";

export interface CreatePostgresEventBusOptions {
  databaseUrl: string;
  channel?: string;
  onError?: (message: string) => void;
  /** Delay before re-opening the LISTEN connection after it dropped. */
  reconnectDelayMs?: number;
}

interface Subscriber {
  onEvent: (event: DeliveryEvent) => void;
  onResync?: () => void;
}

/**
 * LISTEN/NOTIFY across every app instance on one database. The payload carries only ids
 * ("<binId> <deliveryId>", or "<binId> *" when the bin changed); subscribers read the row itself. One LISTEN connection per process,
 * re-opened after a drop, with a resync signal because notifications sent meanwhile are gone.
 */
export function createPostgresEventBus({
  databaseUrl,
  channel = "webhook_echo_deliveries",
  onError = () => {},
  reconnectDelayMs = 1000,
}: CreatePostgresEventBusOptions): EventBus {
  const subscribers = new Map<string, Set<Subscriber>>();
  const binChangeSubscribers = new Set<BinChangeHandlers>();
  const wanted = () => subscribers.size > 0 || binChangeSubscribers.size > 0;
  const publisher = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    connectionTimeoutMillis: 3000,
  });
  publisher.on("error", (error) => onError(`live bus publisher: ${error.message}`));
  let listener: pg.Client | null = null;
  let listening: Promise<void> | null = null;
  let closed = false;
  let connectedNow = false;
  let reconnectTimer: NodeJS.Timeout | null = null;

  const outbox: Array<{ payload: string; resolve: () => void; reject: (error: unknown) => void }> =
    [];
  // One NOTIFY statement in flight at a time: announcements that arrive meanwhile wait and go
  // together in the next one, so under load the statements grow instead of queueing up on the
  // pool (one per commit batch would wait behind each other and delay every live view).
  let flushing = false;
  let flushScheduled = false;
  const flushOutbox = () => {
    flushScheduled = false;
    if (flushing || outbox.length === 0) return;
    flushing = true;
    const batch = outbox.splice(0, outbox.length);
    publisher
      .query("SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload", [
        channel,
        batch.map((item) => item.payload),
      ])
      .then(
        () => batch.forEach((item) => item.resolve()),
        (error: unknown) => batch.forEach((item) => item.reject(error)),
      )
      .finally(() => {
        flushing = false;
        flushOutbox();
      });
  };

  const dispatch = (payload: string) => {
    const space = payload.indexOf(" ");
    if (space <= 0) return;
    const rest = payload.slice(space + 1);
    const event = { binId: payload.slice(0, space), deliveryId: rest === "*" ? null : rest };
    if (event.deliveryId === null) for (const h of binChangeSubscribers) h.onChange(event.binId);
    for (const subscriber of subscribers.get(event.binId) ?? []) subscriber.onEvent(event);
  };

  const resyncAll = () => {
    for (const handlers of binChangeSubscribers) handlers.onResync();
    for (const set of subscribers.values()) for (const s of set) s.onResync?.();
  };

  // Notifications sent from now until the next LISTEN succeeds are gone for good.
  const loseAll = () => {
    connectedNow = false;
    for (const handlers of binChangeSubscribers) handlers.onLost();
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      listening = null;
      if (wanted()) void ensureListening();
    }, reconnectDelayMs);
    reconnectTimer.unref();
  };

  const ensureListening = (): Promise<void> => {
    if (listening) return listening;
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
    listener = client;
    let connected = false;
    client.on("notification", (message) => {
      if (message.channel === channel && message.payload) dispatch(message.payload);
    });
    client.on("error", (error) => {
      onError(`live bus listener: ${error.message}`);
      if (listener === client) {
        listener = null;
        listening = null;
        loseAll();
        scheduleReconnect();
      }
      client.end().catch(() => {});
    });
    client.on("end", () => {
      if (listener === client && !closed) {
        listener = null;
        listening = null;
        loseAll();
        scheduleReconnect();
      }
    });
    listening = client
      .connect()
      .then(() => client.query(`LISTEN ${pg.escapeIdentifier(channel)}`))
      .then(() => {
        connected = true;
        connectedNow = true;
        // Anything published while we were not listening was dropped by Postgres.
        resyncAll();
      })
      .catch((error: unknown) => {
        onError(`live bus listener: ${error instanceof Error ? error.message : String(error)}`);
        if (!connected && listener === client) {
          listener = null;
          listening = null;
          client.end().catch(() => {});
          scheduleReconnect();
        }
      });
    return listening;
  };

  return {
    publish(event) {
      // Deliveries committed together are announced together: one round trip per batch.
      return new Promise<void>((resolve, reject) => {
        // "*" (never a delivery id) marks a change to the bin itself.
        const payload = `${event.binId} ${event.deliveryId ?? "*"}`;
        outbox.push({ payload, resolve, reject });
        // After the I/O callbacks of this turn: every commit answered in it shares the statement.
        if (!flushScheduled && !flushing) {
          flushScheduled = true;
          setImmediate(flushOutbox);
        }
      });
    },
    subscribe(binId, onEvent, onResync) {
      const subscriber: Subscriber = { onEvent, onResync };
      let set = subscribers.get(binId);
      if (!set) subscribers.set(binId, (set = new Set()));
      set.add(subscriber);
      // Already listening: live now. Otherwise the (re)connect resyncs every subscriber.
      if (listener && listening && connectedNow) queueMicrotask(() => onResync?.());
      void ensureListening();
      return () => {
        set.delete(subscriber);
        if (set.size === 0) subscribers.delete(binId);
      };
    },
    subscribeBinChanges(handlers) {
      binChangeSubscribers.add(handlers);
      if (listener && listening && connectedNow) queueMicrotask(handlers.onResync);
      void ensureListening();
      return () => {
        binChangeSubscribers.delete(handlers);
      };
    },
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      subscribers.clear();
      binChangeSubscribers.clear();
      await listener?.end().catch(() => {});
      listener = null;
      await publisher.end().catch(() => {});
    },
  };
}
