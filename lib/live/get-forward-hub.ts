import { randomUUID } from "node:crypto";
import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import { getDatabaseUrl } from "@/lib/database-url";
import { getPgPool } from "@/lib/get-pg-pool";
import { getEnv } from "@/lib/env";
import { createForwardHolds, type ForwardHolds } from "@/lib/live/create-forward-holds";
import { createPostgresEventBus } from "@/lib/live/create-postgres-event-bus";
import type { EventBus } from "@/lib/live/event-bus";
import { publishBinChanged } from "@/lib/live/publish-bin-changed";
import { log } from "@/lib/log";
import { getSingleton } from "@/lib/singleton";

/** A responder announces itself this often; three missed heartbeats and it counts as gone. */
export const RESPONDER_HEARTBEAT_MS = 5000;

export interface ForwardHub {
  holds: ForwardHolds;
  /** Announces a `forward --respond` stream of this bin to every instance until the returned
   * function is called (the stream ended): then its bin's held captures are released at once. */
  registerResponder: (binId: string) => () => void;
  /** Wakes the instance holding this capture: its answer (or the forwarder's error) is in the row. */
  publishAnswer: (options: { binId: string; deliveryId: string }) => Promise<void>;
  /** Shutdown: closes its LISTEN and NOTIFY connections (after the streams have ended). */
  close: () => Promise<void>;
}

// Every message goes to one topic on its own channel: presence must be known for any bin,
// before a capture to it arrives. NOTIFY carries ids only (8000-byte cap): answers live in
// the delivery row.
const TOPIC = "forward";

function createForwardHub(): ForwardHub {
  const env = getEnv();
  const holds = createForwardHolds({
    maxPerBin: env.FORWARD_MAX_HELD_PER_BIN,
    maxTotal: env.FORWARD_MAX_HELD,
    responderTtlMs: RESPONDER_HEARTBEAT_MS * 3,
  });
  const bus: EventBus = createPostgresEventBus({
    databaseUrl: getDatabaseUrl(),
    channel: "webhook_echo_forward",
    onError: (message) => log("warn", message),
  });
  const send = (message: string) =>
    bus.publish({ binId: TOPIC, deliveryId: message }).catch((error: unknown) =>
      log("warn", "forward bus publish failed", {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  // This instance's own responders (bin id by responder id), re-announced on request.
  const local = new Map<string, string>();
  const onMessage = (message: string) => {
    const [kind, binId, id] = message.split(" ");
    if (!binId || !id) return;
    if (kind === "hello") {
      for (const [responderId, bin] of local) void send(`up ${bin} ${responderId}`);
    } else if (kind === "up" || kind === "down") {
      holds.noteResponder({ binId, responderId: id, alive: kind === "up" });
    } else if (kind === "answer") {
      holds.answerReady(id);
    }
  };
  // After a lost LISTEN connection answers may have been missed: re-check what is held here.
  const recheckHeld = async () => {
    const ids = holds.heldIds();
    if (ids.length === 0) return;
    const { rows } = await runNamedStatement<{ id: string }>({
      pool: getPgPool(),
      statement: CAPTURE_STATEMENTS.selectAnsweredForwards,
      values: [ids],
    });
    for (const row of rows) holds.answerReady(row.id);
  };
  bus.subscribe(
    TOPIC,
    (event) => {
      if (event.deliveryId) onMessage(event.deliveryId);
    },
    () => {
      // Just (re)started listening: ask every instance for its responders now instead of
      // waiting up to a heartbeat.
      void send("hello * *");
      recheckHeld().catch((error: unknown) =>
        log("warn", "forward recheck failed", {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    },
  );
  const sweep = setInterval(() => holds.sweep(), RESPONDER_HEARTBEAT_MS);
  sweep.unref();

  return {
    holds,
    registerResponder(binId) {
      const responderId = randomUUID();
      local.set(responderId, binId);
      // Noted here at once: this instance may hold the very next capture.
      holds.noteResponder({ binId, responderId, alive: true });
      // Open views re-read the bin (its `forwardResponding`) once other instances were told.
      void send(`up ${binId} ${responderId}`).then(() => publishBinChanged({ binId }));
      const heartbeat = setInterval(() => {
        holds.noteResponder({ binId, responderId, alive: true });
        void send(`up ${binId} ${responderId}`);
      }, RESPONDER_HEARTBEAT_MS);
      heartbeat.unref();
      let done = false;
      return () => {
        if (done) return;
        done = true;
        clearInterval(heartbeat);
        local.delete(responderId);
        holds.noteResponder({ binId, responderId, alive: false });
        void send(`down ${binId} ${responderId}`).then(() => publishBinChanged({ binId }));
      };
    },
    async publishAnswer({ binId, deliveryId }) {
      // Also woken here directly: the holder may be this instance.
      holds.answerReady(deliveryId);
      await send(`answer ${binId} ${deliveryId}`);
    },
    async close() {
      clearInterval(sweep);
      await bus.close();
    },
  };
}

/** The process-wide `forward --respond` state (presence over LISTEN/NOTIFY, local holds). */
export function getForwardHub(): ForwardHub {
  return getSingleton("forwardHub", createForwardHub);
}
