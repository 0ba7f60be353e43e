import pg from "pg";
import type { BinChangeHandlers, DeliveryEvent, EventBus } from "@/lib/live/event-bus";
import { runNamedStatement } from "@/lib/database/run-named-statement";

export interface CreatePostgresEventBusOptions {
  databaseUrl: string;
  channel?: string;
  onError?: (message: string) => void;
  /** Delay before re-opening the LISTEN connection after it dropped. */
  reconnectDelayMs?: number;
  /**
   * Least time between the starts of two NOTIFY statements: what is published meanwhile goes
   * in the next. Bounds the statements (and the wake-ups of every listener) to a hundred a
   * second under load, at up to this much added latency per event.
   */
  minFlushIntervalMs?: number;
}

const NOTIFY_STATEMENT = {
  name: "bus_notify",
  text: "SELECT count(pg_notify($1, payload))::int AS n FROM unnest($2::text[]) AS payload",
};

// A notification's payload must stay under 8000 bytes; events are sent as lines of one.
const MAX_PAYLOAD_BYTES = 7900;

/** The events' lines, packed into as few payloads under MAX_PAYLOAD_BYTES as they fit. */
function packPayloads(lines: readonly string[]): string[] {
  const payloads: string[] = [];
  let current = "";
  let bytes = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (bytes > 0 && bytes + size > MAX_PAYLOAD_BYTES) {
      payloads.push(current);
      current = "";
      bytes = 0;
    }
    current = bytes === 0 ? line : `${current}\n${line}`;
    bytes += size;
  }
  if (bytes > 0) payloads.push(current);
  return payloads;
}

interface Subscriber {
  onEvent: (event: DeliveryEvent) => void;
  onResync?: () => void;
}

/**
 * LISTEN/NOTIFY across every app instance on one database. A payload carries only ids, one
 * event a line ("<binId> <deliveryId>", or "<binId> *" when the bin changed); subscribers read
 * the row itself. One LISTEN connection per process, re-opened after a drop, with a resync
 * signal because notifications sent meanwhile are gone.
 */
export function createPostgresEventBus({
  databaseUrl,
  channel = "webhook_echo_deliveries",
  onError = () => {},
  reconnectDelayMs = 1000,
  minFlushIntervalMs = 10,
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
  // One NOTIFY statement in flight at a time, and at most one per minFlushIntervalMs:
  // announcements that arrive meanwhile go together in the next, as lines of one payload. Under
  // load each statement then carries many events instead of statements queueing up on the pool
  // (which delayed every live view), and each listener is woken once per statement, not once
  // per event.
  let flushing = false;
  let flushTimer: NodeJS.Timeout | null = null;
  let flushImmediate = false;
  let lastFlushAt = -Infinity;
  const flushOutbox = () => {
    flushTimer = null;
    flushImmediate = false;
    if (flushing || outbox.length === 0) return;
    const wait = lastFlushAt + minFlushIntervalMs - performance.now();
    if (wait > 0) {
      flushTimer = setTimeout(flushOutbox, wait);
      return;
    }
    lastFlushAt = performance.now();
    flushing = true;
    const batch = outbox.splice(0, outbox.length);
    runNamedStatement({
      pool: publisher,
      statement: NOTIFY_STATEMENT,
      values: [channel, packPayloads(batch.map((item) => item.payload))],
    })
      .then(
        () => batch.forEach((item) => item.resolve()),
        (error: unknown) => batch.forEach((item) => item.reject(error)),
      )
      .finally(() => {
        flushing = false;
        flushOutbox();
      });
  };

  const dispatchLine = (line: string) => {
    const space = line.indexOf(" ");
    if (space <= 0) return;
    const binId = line.slice(0, space);
    const subscribed = subscribers.get(binId);
    const rest = line.slice(space + 1);
    const change = rest === "*";
    // Most lines are deliveries of bins nobody watches here: nothing to build for them.
    if (!subscribed && !(change && binChangeSubscribers.size > 0)) return;
    const event = { binId, deliveryId: change ? null : rest };
    if (change) for (const h of binChangeSubscribers) h.onChange(binId);
    if (subscribed) for (const subscriber of subscribed) subscriber.onEvent(event);
  };
  // One split per notification (a statement's worth of events), not per event.
  const dispatch = (payload: string) => {
    for (const line of payload.split("\n")) dispatchLine(line);
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
      // "*" (never a delivery id) marks a change to the bin itself.
      const payload = `${event.binId} ${event.deliveryId ?? "*"}`;
      if (payload.includes("\n")) {
        return Promise.reject(new Error("an event's ids must not contain a line break"));
      }
      return new Promise<void>((resolve, reject) => {
        outbox.push({ payload, resolve, reject });
        // After the I/O callbacks of this turn: every commit answered in it shares the statement.
        if (!flushTimer && !flushImmediate && !flushing) {
          flushImmediate = true;
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
      // Announcements still waiting for their turn go now, not after the pool has ended.
      if (flushTimer) {
        clearTimeout(flushTimer);
        flushTimer = null;
        lastFlushAt = -Infinity;
        flushOutbox();
      }
      subscribers.clear();
      binChangeSubscribers.clear();
      await listener?.end().catch(() => {});
      listener = null;
      await publisher.end().catch(() => {});
    },
  };
}
