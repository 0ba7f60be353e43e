import type { EventBus, Unsubscribe } from "@/lib/live/event-bus";
import { uuidLowerBound, uuidTimestamp } from "@/lib/ids/uuid-lower-bound";

export interface LiveHubItem {
  id: string;
}

export interface CreateLiveHubOptions<T extends LiveHubItem> {
  bus: EventBus;
  /** Deliveries of the bin with these ids, oldest first: the one read per batch of notifications. */
  readByIds: (options: { binId: string; ids: string[] }) => Promise<T[]>;
  /** Up to `limit` deliveries of the bin with an id above `after`, oldest first (catch-up). */
  readAfter: (options: { binId: string; after: string; limit: number }) => Promise<T[]>;
  /** What a viewer sees of each delivery (verdicts, attempts), in the same order. */
  decorate: (options: { binId: string; deliveries: T[] }) => Promise<unknown[]>;
  now?: () => number;
  /** Notifications arriving within this window share one read. */
  gatherMs?: number;
  heartbeatMs?: number;
  /** A stream whose unread frames exceed this many bytes is dropped (it reconnects). */
  maxQueueBytes?: number;
  /** Catch-up starts this far before the last id seen: batches commit out of id order. */
  lookbackMs?: number;
  pageSize?: number;
  /** Wait before retrying a failed read. */
  retryDelayMs?: number;
  onError?: (message: string, fields: Record<string, unknown>) => void;
}

export interface OpenLiveStreamOptions {
  binId: string;
  /** Resume after this delivery id (Last-Event-ID); null: from a few seconds ago. */
  lastEventId: string | null;
  signal?: AbortSignal;
  /** Called exactly once, however the stream ends (abort, cancel, close, dropped, error). */
  onEnd?: () => void;
}

export interface LiveStream {
  stream: ReadableStream<Uint8Array>;
  /** Ends the stream with a short retry hint (server shutdown). */
  close: () => void;
}

export interface LiveHub {
  open: (options: OpenLiveStreamOptions) => LiveStream;
  /** Bins with a hub (a bus subscription) in this process. */
  binCount: () => number;
}

interface Frame {
  /** Delivery id, or null for bin-changed / heartbeat frames. */
  id: string | null;
  time: number;
  heartbeat: boolean;
  bytes: Uint8Array;
}

interface Member {
  /** `joined`: the frames' bytes as one chunk, shared by every stream of the bin. */
  receive: (frames: Frame[], joined: Uint8Array) => void;
}

/** One page of a catch-up, read and made into frames once for every stream that asks. */
interface CatchUpPage<T> {
  items: T[];
  frames: Frame[];
}

interface Channel<T> {
  members: Set<Member>;
  /**
   * The page after `after`, shared with the streams of the bin that replay the same window. A
   * stream takes only a page whose read began after `readAfterSequence` (its join, or the
   * moment it last discarded held frames), so nothing it was not sent can fall between the
   * page and the frames held for it.
   */
  readCatchUpPage: (after: string, readAfterSequence: number) => Promise<CatchUpPage<T>>;
  /** Resolves once the bus subscription is live. */
  live: Promise<void>;
  /** A stream leaves; the last one takes the bus subscription with it. */
  leave: (member: Member) => void;
}

/** Catch-up windows start on a whole second, so streams opened together ask for the same pages. */
const CATCH_UP_GRAIN_MS = 1000;
/** How long a catch-up page stays shared once read: streams reach each page at their own pace. */
const CATCH_UP_SHARE_MS = 1000;

/**
 * Live events fanned out per bin: one bus subscription and one read per batch of
 * notifications for all streams of a bin in this process; every stream gets the same
 * serialized frames. A stream first catches up on its own (Last-Event-ID, or the last few
 * seconds) while the hub's frames for it are held back, then joins without gap or double.
 * A stream that stops reading is dropped past `maxQueueBytes` instead of holding memory; its
 * client reconnects with Last-Event-ID and the catch-up replays what it missed.
 */
export function createLiveHub<T extends LiveHubItem>({
  bus,
  readByIds,
  readAfter,
  decorate,
  now = Date.now,
  gatherMs = 10,
  heartbeatMs = 20_000,
  maxQueueBytes = 256 * 1024,
  lookbackMs = 5000,
  pageSize = 200,
  retryDelayMs = 1000,
  onError = () => {},
}: CreateLiveHubOptions<T>): LiveHub {
  const encoder = new TextEncoder();
  const channels = new Map<string, Channel<T>>();
  // Orders joins and catch-up reads: a page is shared with a stream only if read after it joined.
  let sequence = 0;

  const deliveryFrame = (item: T, decorated: unknown): Frame => ({
    id: item.id,
    time: uuidTimestamp(item.id) ?? now(),
    heartbeat: false,
    bytes: encoder.encode(
      `id: ${item.id}\nevent: delivery\ndata: ${JSON.stringify(decorated)}\n\n`,
    ),
  });

  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

  const createChannel = (binId: string): Channel<T> => {
    const members = new Set<Member>();
    const catchUpPages = new Map<string, { readAt: number; page: Promise<CatchUpPage<T>> }>();
    const sent = new Map<string, number>();
    const pending = new Set<string>();
    let highWater = now();
    let catchUpWanted = false;
    let running = false;
    let disposed = false;
    let gatherTimer: ReturnType<typeof setTimeout> | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let markLive = () => {};
    let isLive = false;
    const live = new Promise<void>((resolve) => (markLive = resolve));

    // One chunk per batch, not per frame: at 500 deliveries/s and 50 viewers a write per frame
    // is 25,000 socket writes a second.
    const broadcast = (frames: Frame[]) => {
      if (frames.length === 0 || disposed) return;
      const joined = frames.length === 1 ? frames[0]!.bytes : joinBytes(frames);
      for (const member of [...members]) member.receive(frames, joined);
    };

    const emit = async (items: T[]) => {
      const fresh = items.filter((item) => !sent.has(item.id));
      if (fresh.length === 0) return;
      const decorated = await decorate({ binId, deliveries: fresh });
      const frames = fresh.map((item, index) => deliveryFrame(item, decorated[index]));
      for (const frame of frames) {
        sent.set(frame.id!, frame.time);
        highWater = Math.max(highWater, frame.time);
      }
      for (const [id, time] of sent) if (time < highWater - 2 * lookbackMs) sent.delete(id);
      broadcast(frames);
    };

    // One reader per bin; notifications that arrive meanwhile are read by the same loop.
    const pump = async () => {
      if (running || disposed) return;
      running = true;
      try {
        while (!disposed && (catchUpWanted || pending.size > 0)) {
          if (catchUpWanted) {
            // The listener reconnected: notifications may be lost, read the window again.
            catchUpWanted = false;
            pending.clear();
            let after = uuidLowerBound(highWater - lookbackMs);
            for (;;) {
              const page = await readAfter({ binId, after, limit: pageSize });
              if (disposed) return;
              await emit(page);
              if (page.length < pageSize) break;
              after = page.at(-1)!.id;
            }
          } else {
            const ids = [...pending].slice(0, pageSize);
            for (const id of ids) pending.delete(id);
            const items = await readByIds({ binId, ids });
            if (disposed) return;
            await emit(items);
          }
        }
      } catch (error) {
        onError("live read failed", { binId, error: describe(error) });
        // Catch up shortly, so a database blip does not leave a gap.
        catchUpWanted = true;
        retryTimer = setTimeout(() => {
          retryTimer = null;
          void pump();
        }, retryDelayMs);
      } finally {
        running = false;
      }
    };

    const unsubscribe: Unsubscribe = bus.subscribe(
      binId,
      (event) => {
        if (disposed) return;
        if (event.deliveryId === null) {
          // Settings, secret or deletions changed: views re-read the bin and its list.
          broadcast([
            {
              id: null,
              time: now(),
              heartbeat: false,
              bytes: encoder.encode(`event: bin-changed\ndata: ${JSON.stringify({ binId })}\n\n`),
            },
          ]);
          return;
        }
        if (sent.has(event.deliveryId)) return;
        pending.add(event.deliveryId);
        // A short gather window: at hundreds of deliveries a second, one read serves many.
        gatherTimer ??= setTimeout(() => {
          gatherTimer = null;
          void pump();
        }, gatherMs);
      },
      () => {
        if (disposed) return;
        if (!isLive) {
          // First live moment: streams catch up on their own, nothing was missed here yet.
          isLive = true;
          markLive();
          return;
        }
        catchUpWanted = true;
        void pump();
      },
    );

    const heartbeat = setInterval(
      () =>
        broadcast([
          {
            id: null,
            time: now(),
            heartbeat: true,
            bytes: encoder.encode(`: ping ${new Date(now()).toISOString()}\n\n`),
          },
        ]),
      heartbeatMs,
    );
    heartbeat.unref?.();

    const readCatchUpPage = (after: string, notBefore: number): Promise<CatchUpPage<T>> => {
      const shared = catchUpPages.get(after);
      if (shared && shared.readAt > notBefore) return shared.page;
      const readAt = ++sequence;
      const page = (async () => {
        const items = await readAfter({ binId, after, limit: pageSize });
        const decorated = items.length > 0 ? await decorate({ binId, deliveries: items }) : [];
        return { items, frames: items.map((item, index) => deliveryFrame(item, decorated[index])) };
      })();
      const entry = { readAt, page };
      catchUpPages.set(after, entry);
      const forget = () => {
        if (catchUpPages.get(after) === entry) catchUpPages.delete(after);
      };
      page.then(() => setTimeout(forget, CATCH_UP_SHARE_MS).unref?.(), forget);
      return page;
    };

    const channel: Channel<T> = {
      members,
      readCatchUpPage,
      live,
      leave(member) {
        members.delete(member);
        if (members.size > 0 || disposed) return;
        disposed = true;
        unsubscribe();
        clearInterval(heartbeat);
        if (gatherTimer) clearTimeout(gatherTimer);
        if (retryTimer) clearTimeout(retryTimer);
        if (channels.get(binId) === channel) channels.delete(binId);
      },
    };
    return channel;
  };

  const open = ({ binId, lastEventId, signal, onEnd }: OpenLiveStreamOptions): LiveStream => {
    let channel = channels.get(binId);
    if (!channel) channels.set(binId, (channel = createChannel(binId)));
    const joined = channel;

    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let ended = false;
    let catchingUp = true;
    let catchUpAgain = false;
    let held: Frame[] = [];
    let heldBytes = 0;
    // Catch-up pages read before this (its join, or its last discard of held frames) may miss
    // what the hub announced meanwhile; see Channel.readCatchUpPage.
    let pagesReadAfter = 0;
    // Ids this stream sent during its own catch-up: the hub may announce them again.
    const sentByCatchUp = new Map<string, number>();
    let highWater = lastEventId ? (uuidTimestamp(lastEventId) ?? now()) : now();
    if (lastEventId) sentByCatchUp.set(lastEventId, highWater);
    let roomWaiters: Array<() => void> = [];
    let retryTimer: ReturnType<typeof setTimeout> | null = null;

    const wake = () => {
      const waiters = roomWaiters;
      roomWaiters = [];
      for (const resolve of waiters) resolve();
    };

    const end = () => {
      if (ended) return false;
      ended = true;
      held = [];
      sentByCatchUp.clear();
      if (retryTimer) clearTimeout(retryTimer);
      signal?.removeEventListener("abort", abort);
      joined.leave(member);
      wake();
      onEnd?.();
      return true;
    };

    const enqueue = (bytes: Uint8Array) => {
      try {
        controller.enqueue(bytes);
      } catch {
        end();
      }
    };

    const close = () => {
      if (ended) return;
      // Shutting down: a fast retry lands on another instance.
      enqueue(encoder.encode("retry: 1000\n\n"));
      if (!end()) return;
      try {
        controller.close();
      } catch {
        // already closed or errored
      }
    };

    const drop = () => {
      if (!end()) return;
      // Discards what is queued (the memory this protects) and cuts the connection; the client
      // reconnects with Last-Event-ID. AbortError: Next treats it as a normal hang-up.
      controller.error(new DOMException("live stream consumer too slow", "AbortError"));
    };

    const abort = () => close();

    const fresh = (frame: Frame) => {
      if (frame.id === null) return true;
      if (sentByCatchUp.size === 0) return true;
      const time = sentByCatchUp.get(frame.id);
      if (time !== undefined) return false;
      if (frame.time > highWater + lookbackMs) {
        // The catch-up is long behind: nothing it sent can be announced again.
        sentByCatchUp.clear();
      }
      return true;
    };

    const member: Member = {
      receive(frames, joined) {
        if (ended) return;
        if (catchingUp) {
          for (const frame of frames) {
            if (frame.heartbeat) {
              if ((controller.desiredSize ?? 0) > 0) enqueue(frame.bytes);
              continue;
            }
            held.push(frame);
            heldBytes += frame.bytes.byteLength;
          }
          if (heldBytes > maxQueueBytes) {
            // Too much arrived during the catch-up: forget it and catch up once more.
            held = [];
            heldBytes = 0;
            catchUpAgain = true;
            // What was just forgotten must come from pages read from now on.
            pagesReadAfter = ++sequence;
          }
          return;
        }
        // Past its bound the stream is not keeping up: drop it rather than buffer without end.
        if ((controller.desiredSize ?? 0) < 0) return drop();
        if (sentByCatchUp.size === 0) return enqueue(joined);
        for (const frame of frames) if (fresh(frame)) enqueue(frame.bytes);
      },
    };
    joined.members.add(member);
    pagesReadAfter = ++sequence;

    const waitForRoom = () =>
      (controller.desiredSize ?? 0) > 0 || ended
        ? Promise.resolve()
        : new Promise<void>((resolve) => roomWaiters.push(resolve));

    const catchUp = async () => {
      const from = highWater - lookbackMs;
      let after = uuidLowerBound(from - (from % CATCH_UP_GRAIN_MS));
      for (;;) {
        const { items, frames } = await joined.readCatchUpPage(after, pagesReadAfter);
        if (ended) return;
        for (const frame of frames) {
          if (sentByCatchUp.has(frame.id!)) continue;
          sentByCatchUp.set(frame.id!, frame.time);
          highWater = Math.max(highWater, frame.time);
          enqueue(frame.bytes);
        }
        if (items.length < pageSize) return;
        after = items.at(-1)!.id;
        // Follow the client's pace: a long replay never piles up in memory.
        await waitForRoom();
        if (ended) return;
      }
    };

    const start = async () => {
      await joined.live;
      if (ended) return;
      enqueue(encoder.encode(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ binId })}\n\n`));
      for (;;) {
        catchUpAgain = false;
        try {
          await catchUp();
        } catch (error) {
          onError("live catch-up failed", { binId, error: describe(error) });
          await new Promise<void>((resolve) => (retryTimer = setTimeout(resolve, retryDelayMs)));
          catchUpAgain = true;
        }
        if (ended) return;
        if (!catchUpAgain) break;
      }
      // Synchronously from here: nothing the hub sends can fall between held and live.
      catchingUp = false;
      const frames = held;
      held = [];
      heldBytes = 0;
      for (const frame of frames) if (fresh(frame)) enqueue(frame.bytes);
    };

    const stream = new ReadableStream<Uint8Array>(
      {
        start(c) {
          controller = c;
        },
        pull() {
          wake();
        },
        cancel() {
          end();
        },
      },
      { highWaterMark: maxQueueBytes, size: (chunk) => chunk.byteLength },
    );

    if (signal?.aborted) close();
    else signal?.addEventListener("abort", abort, { once: true });
    void start().catch((error: unknown) => {
      onError("live stream failed", { binId, error: describe(error) });
      close();
    });
    return { stream, close };
  };

  return { open, binCount: () => channels.size };
}

function joinBytes(frames: Frame[]): Uint8Array {
  const joined = new Uint8Array(frames.reduce((n, frame) => n + frame.bytes.byteLength, 0));
  let offset = 0;
  for (const frame of frames) {
    joined.set(frame.bytes, offset);
    offset += frame.bytes.byteLength;
  }
  return joined;
}
