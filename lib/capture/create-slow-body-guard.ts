export interface SlowBodyWatch {
  /** Body bytes that arrived. */
  received: (bytes: number) => void;
  /** We paused the body (waiting for memory): that time is not the sender's. */
  pause: () => void;
  resume: () => void;
  /** The body is in (or the request ended): stop watching. Idempotent. */
  stop: () => void;
}

export interface SlowBodyGuard {
  /** Starts watching one body; `onTooSlow` runs at most once, from `check()`. */
  watch: (onTooSlow: () => void) => SlowBodyWatch;
  /** Cuts every body under the floor rate. Meant for one shared interval, not a timer each. */
  check: () => void;
  /** Bodies being watched. */
  size: () => number;
}

export interface CreateSlowBodyGuardOptions {
  /** The floor: a body slower than this on average (after the grace period) is cut. 0: off. */
  minBytesPerSecond: number;
  /**
   * The grace period and window: a body is first judged after it has been arriving this long,
   * then again over each following window of this length.
   */
  graceMs: number;
  now?: () => number;
}

/** The watched bodies, as a doubly linked list through the watches themselves. */
interface WatchList {
  head: Watch | null;
  tail: Watch | null;
  size: number;
}

// One object per watched body: its window (start, bytes received, time we paused it within
// it), its links, and the handle the reader calls. A class, so that a capture allocates this
// object alone rather than an entry plus a closure per method. Linked rather than kept in a
// Set: a Set that once held many bodies called into V8's runtime (to shrink) on nearly every
// delete, ~0.9 µs per capture.
class Watch implements SlowBodyWatch {
  windowStart: number;
  bytes = 0;
  pausedMs = 0;
  pausedAt: number | null = null;
  prev: Watch | null = null;
  next: Watch | null = null;
  linked = true;

  constructor(
    private readonly list: WatchList,
    private readonly now: () => number,
    readonly onTooSlow: () => void,
  ) {
    this.windowStart = now();
    this.prev = list.tail;
    if (list.tail) list.tail.next = this;
    else list.head = this;
    list.tail = this;
    list.size++;
  }

  received(bytes: number): void {
    this.bytes += bytes;
  }

  pause(): void {
    if (this.pausedAt === null) this.pausedAt = this.now();
  }

  resume(): void {
    if (this.pausedAt === null) return;
    this.pausedMs += this.now() - this.pausedAt;
    this.pausedAt = null;
  }

  stop(): void {
    if (!this.linked) return;
    this.linked = false;
    const { list, prev, next } = this;
    if (prev) prev.next = next;
    else list.head = next;
    if (next) next.prev = prev;
    else list.tail = prev;
    this.prev = this.next = null;
    list.size--;
  }
}

/**
 * Slow-body (trickle) defence: a body that arrives slower than the floor rate ties up a
 * connection and a slot for minutes at almost no cost to the sender. Judged on the average
 * rate over consecutive windows (so a burst followed by a stall is cut too), leaving out the
 * time we paused the body ourselves.
 */
export function createSlowBodyGuard({
  minBytesPerSecond,
  graceMs,
  now = Date.now,
}: CreateSlowBodyGuardOptions): SlowBodyGuard {
  const list: WatchList = { head: null, tail: null, size: 0 };

  return {
    watch: (onTooSlow) => new Watch(list, now, onTooSlow),
    check() {
      if (minBytesPerSecond <= 0) return;
      const at = now();
      // The watches as they stand: a cut body's handler may stop others while this runs.
      const watched: Watch[] = [];
      for (let entry = list.head; entry; entry = entry.next) watched.push(entry);
      for (const entry of watched) {
        if (!entry.linked || entry.pausedAt !== null) continue;
        const activeMs = at - entry.windowStart - entry.pausedMs;
        if (activeMs < graceMs) continue;
        if (entry.bytes * 1000 < minBytesPerSecond * activeMs) {
          entry.stop();
          entry.onTooSlow();
          continue;
        }
        entry.windowStart = at;
        entry.bytes = 0;
        entry.pausedMs = 0;
      }
    },
    size: () => list.size,
  };
}
