import pg from "pg";
import type { BinChangeHandlers, DeliveryEvent, EventBus } from "@/lib/live/event-bus";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import { toPgTextArray } from "@/lib/database/to-pg-text-array";

export interface CreatePostgresEventBusOptions {
  databaseUrl: string;
  /** Deliveries' channel; bin changes go on `<channel>_bins`. */
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
  /**
   * How long the deliveries' channel stays listened to after this process's last delivery
   * subscriber left (a view that reloads comes straight back).
   */
  unlistenDelayMs?: number;
}

const NOTIFY_STATEMENT = {
  name: "bus_notify_channels",
  text: "SELECT count(pg_notify(c, p))::int AS n FROM unnest($1::text[], $2::text[]) AS x(c, p)",
};

// A notification's payload must stay under 8000 bytes; events are sent as lines of one.
const MAX_PAYLOAD_BYTES = 7900;

/**
 * The events' lines, in order, packed into as few payloads under MAX_PAYLOAD_BYTES as they fit,
 * each with its channel: deliveries' lines on `deliveries`, bin changes' (`isChange[i]`) on
 * `changes`.
 */
function packPayloads(
  lines: readonly string[],
  isChange: readonly boolean[],
  deliveries: string,
  changes: string,
): { channels: string[]; payloads: string[] } {
  const channels: string[] = [];
  const payloads: string[] = [];
  let current = "";
  let currentChannel = deliveries;
  let bytes = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const size = Buffer.byteLength(line) + 1;
    const lineChannel = isChange[i] ? changes : deliveries;
    if (bytes > 0 && (bytes + size > MAX_PAYLOAD_BYTES || lineChannel !== currentChannel)) {
      channels.push(currentChannel);
      payloads.push(current);
      current = "";
      bytes = 0;
    }
    currentChannel = lineChannel;
    current = bytes === 0 ? line : `${current}\n${line}`;
    bytes += size;
  }
  if (bytes > 0) {
    channels.push(currentChannel);
    payloads.push(current);
  }
  return { channels, payloads };
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
 *
 * Bin changes and deliveries travel on two channels. Every process hears bin changes (its
 * settings cache relies on them), but only a process with a delivery subscriber (a live view,
 * `forward`) listens to deliveries: receiving and splitting every other instance's deliveries,
 * and its own, cost a capture-only process ~2–3% of its CPU per delivery for nothing.
 */
export function createPostgresEventBus({
  databaseUrl,
  channel = "webhook_echo_deliveries",
  onError = () => {},
  reconnectDelayMs = 1000,
  minFlushIntervalMs = 10,
  unlistenDelayMs = 5000,
}: CreatePostgresEventBusOptions): EventBus {
  const changesChannel = `${channel}_bins`;
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
  // LISTEN on the deliveries' channel, sent on the current listener connection (resolves once
  // live), or null when not listened to there.
  let deliveriesListen: Promise<void> | null = null;
  let unlistenTimer: NodeJS.Timeout | null = null;

  // Lines waiting for the next NOTIFY (with whether each is a bin change), and the publish()
  // calls waiting for it to be sent (announce() waits for nothing: no promise, no entry).
  let outbox: string[] = [];
  let outboxChanges: boolean[] = [];
  let waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
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
    const lines = outbox;
    const changes = outboxChanges;
    const waiting = waiters;
    outbox = [];
    outboxChanges = [];
    waiters = [];
    const { channels, payloads } = packPayloads(lines, changes, channel, changesChannel);
    runNamedStatement({
      pool: publisher,
      statement: NOTIFY_STATEMENT,
      // As literals: pg escapes a JS array element by element, two regex passes over every
      // payload (up to 7,900 bytes each) per statement.
      values: [toPgTextArray({ items: channels }), toPgTextArray({ items: payloads })],
    })
      .then(
        () => waiting.forEach((waiter) => waiter.resolve()),
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          onError(`live bus: ${lines.length} event(s) not sent: ${message}`);
          waiting.forEach((waiter) => waiter.reject(error));
        },
      )
      .finally(() => {
        flushing = false;
        flushOutbox();
      });
  };
  // Deliveries committed together are announced together: one round trip per batch.
  // "*" (never a delivery id) marks a change to the bin itself.
  const enqueue = (event: DeliveryEvent): string | null => {
    const rest = event.deliveryId ?? "*";
    const line = `${event.binId} ${rest}`;
    if (line.includes("\n")) return "an event's ids must not contain a line break";
    outbox.push(line);
    // What dispatchLine reads as a change, known here without parsing the line again.
    outboxChanges.push(rest === "*");
    // After the I/O callbacks of this turn: every commit answered in it shares the statement.
    if (!flushTimer && !flushImmediate && !flushing) {
      flushImmediate = true;
      setImmediate(flushOutbox);
    }
    return null;
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

  const listenToDeliveries = (client: pg.Client): Promise<void> => {
    if (unlistenTimer) {
      clearTimeout(unlistenTimer);
      unlistenTimer = null;
    }
    if (!deliveriesListen) {
      const listen = client.query(`LISTEN ${pg.escapeIdentifier(channel)}`).then(() => {});
      deliveriesListen = listen;
      // A failed LISTEN is retried by the next subscriber (a lost connection resyncs them all).
      listen.catch((error: unknown) => {
        if (deliveriesListen === listen) deliveriesListen = null;
        onError(`live bus listener: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    return deliveriesListen;
  };

  // Not at once: a view that reloads subscribes again a moment later.
  const unlistenLater = () => {
    if (unlistenTimer || !deliveriesListen) return;
    unlistenTimer = setTimeout(() => {
      unlistenTimer = null;
      if (subscribers.size > 0 || !deliveriesListen || !listener) return;
      deliveriesListen = null;
      listener.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
    }, unlistenDelayMs);
    unlistenTimer.unref();
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
    deliveriesListen = null;
    let connected = false;
    client.on("notification", (message) => {
      const ours = message.channel === channel || message.channel === changesChannel;
      if (ours && message.payload) dispatch(message.payload);
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
    // Live once the deliveries' channel is listened to as well, if anyone here wants them
    // (checked again after each await: a subscriber may have come meanwhile).
    const goLive = (): Promise<void> | void => {
      if (subscribers.size > 0 && !deliveriesListen) {
        // A LISTEN that failed on a live connection: start over on a new one (the failure is
        // logged by listenToDeliveries), rather than stay half-listening.
        return listenToDeliveries(client).then(goLive, () => void client.end().catch(() => {}));
      }
      connectedNow = true;
      // Anything published while we were not listening was dropped by Postgres.
      resyncAll();
    };
    listening = client
      .connect()
      .then(() => client.query(`LISTEN ${pg.escapeIdentifier(changesChannel)}`))
      .then(() => {
        connected = true;
        return goLive();
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
      return new Promise<void>((resolve, reject) => {
        const refused = enqueue(event);
        if (refused) reject(new Error(refused));
        else waiters.push({ resolve, reject });
      });
    },
    announce(event) {
      const refused = enqueue(event);
      if (refused) onError(`live bus: ${refused}`);
    },
    subscribe(binId, onEvent, onResync) {
      const subscriber: Subscriber = { onEvent, onResync };
      let set = subscribers.get(binId);
      if (!set) subscribers.set(binId, (set = new Set()));
      set.add(subscriber);
      // Already connected: live once the deliveries' channel is listened to (at once, if it
      // is). Otherwise the (re)connect resyncs every subscriber.
      // (A LISTEN that failed: a new connection, which resyncs every subscriber.)
      if (listener && listening && connectedNow) {
        const client = listener;
        listenToDeliveries(client).then(
          () => onResync?.(),
          () => void client.end().catch(() => {}),
        );
      }
      void ensureListening();
      return () => {
        set.delete(subscriber);
        if (set.size === 0) subscribers.delete(binId);
        if (subscribers.size === 0) unlistenLater();
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
      if (unlistenTimer) clearTimeout(unlistenTimer);
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
