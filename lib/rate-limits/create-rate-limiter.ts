export interface RateLimitRule {
  key: string;
  limit: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  retryAfterSeconds: number;
  /** The rule that refused, for the 429 message. */
  refusedBy?: string;
}

export interface CounterIncrement {
  key: string;
  windowStart: Date;
  count: number;
}

export interface RateLimiter {
  /**
   * The decision itself when this instance can answer at once (no active rule, or a lease
   * holds the positions), else a promise of it: the capture path then waits for nothing.
   */
  check: (rules: RateLimitRule[]) => RateLimitDecision | Promise<RateLimitDecision>;
}

/** Limits below this (per window) are counted request by request in the store; see leaseSize. */
export const LEASE_MIN_LIMIT = 1000;
/** A lease never holds more than this share of a window's limit (1/16: 6.25%). */
const LEASE_SHARE = 16;
/** A lease holds about this long of the key's recent traffic on this instance. */
const LEASE_MS = 1000;
/** Key states kept at most; the oldest go first (a lost lease only admits less). */
const MAX_KEY_STATES = 20_000;

/** This instance's view of one key in one window. Positions are 1-based within the window. */
interface KeyState {
  windowStart: number;
  /** Next position to hand out, and the last one this instance holds (next > end: none). */
  next: number;
  end: number;
  /** The store's total at the last increment: once at the limit, every later position is over. */
  total: number;
  /** An increment for this key is in flight: checks that need a position wait for it. */
  leasing: boolean;
  /** When the last increment was sent, and positions handed out since: the key's rate. */
  leasedAt: number;
  handedOut: number;
}

interface Pending {
  rules: RateLimitRule[];
  states: KeyState[];
  /** Per rule: its position, or 0 while it has none yet. */
  positions: number[];
  windowStart: number;
  resolve: (decision: RateLimitDecision) => void;
  reject: (error: unknown) => void;
}

const ALLOWED: RateLimitDecision = Object.freeze({ allowed: true, retryAfterSeconds: 0 });

/**
 * How many positions to take from the store for a key that needs `needed` now: exactly those
 * for limits under LEASE_MIN_LIMIT and for a key's first increment in a window; for larger
 * limits also what the key used here over the last LEASE_MS, at most 1/LEASE_SHARE of the limit
 * and never past it. The extra positions are this instance's until the window ends.
 */
function leaseSize(state: KeyState, needed: number, limit: number, now: number): number {
  if (limit < LEASE_MIN_LIMIT || state.leasedAt < 0) return needed;
  const elapsed = Math.max(1, now - state.leasedAt);
  const recent = Math.ceil((state.handedOut * LEASE_MS) / elapsed);
  const extra = Math.min(Math.floor(limit / LEASE_SHARE), recent, limit - state.total - needed);
  return needed + Math.max(0, extra);
}

/**
 * Fixed-window limits counted in a store every instance shares (Postgres), so N instances
 * enforce one limit. Concurrent checks are grouped into one increment statement: for a key
 * that grew by n to total c, those n positions are c-n+1..c, handed out in arrival order, and
 * a position over the limit is refused. Limits of LEASE_MIN_LIMIT or more take positions in
 * leases (leaseSize): checks are then answered from the lease without a statement, and a key
 * whose store total reached its limit is refused here until its window ends. Never more than
 * the limit across instances; with several instances up to one lease each may go unused, so a
 * key near its limit can be refused slightly early. Below LEASE_MIN_LIMIT: exact.
 */
export function createRateLimiter({
  increment,
  windowMs = 60_000,
  now = Date.now,
  maxInFlight = 2,
}: {
  /** Adds each count and returns the new totals keyed by `${key}|${windowStart ms}`. */
  increment: (increments: CounterIncrement[]) => Promise<Map<string, number>>;
  windowMs?: number;
  now?: () => number;
  maxInFlight?: number;
}): RateLimiter {
  const queue: Pending[] = [];
  const states = new Map<string, KeyState>();
  let currentWindow = -1;
  let inFlight = 0;
  let scheduled = false;

  const stateOf = (key: string, windowStart: number): KeyState => {
    if (windowStart > currentWindow) {
      currentWindow = windowStart;
      for (const [id, state] of states) if (state.windowStart < windowStart) states.delete(id);
    }
    const id = `${key}|${windowStart}`;
    let state = states.get(id);
    if (!state) {
      if (states.size >= MAX_KEY_STATES) states.delete(states.keys().next().value!);
      state = {
        windowStart,
        next: 1,
        end: 0,
        total: 0,
        leasing: false,
        leasedAt: -1,
        handedOut: 0,
      };
      states.set(id, state);
    }
    return state;
  };

  // Gives every rule of the item that has no position one from its key's lease, or (leased
  // limits only) an over-the-limit one when the store's total reached the limit. True when done.
  const place = (item: Pending): boolean => {
    let done = true;
    for (let i = 0; i < item.rules.length; i++) {
      if (item.positions[i] !== 0) continue;
      const state = item.states[i]!;
      if (state.next <= state.end) {
        item.positions[i] = state.next++;
        state.handedOut++;
      } else if (item.rules[i]!.limit >= LEASE_MIN_LIMIT && state.total >= item.rules[i]!.limit) {
        item.positions[i] = state.total + 1;
      } else {
        done = false;
      }
    }
    return done;
  };

  const decide = (item: Pending): RateLimitDecision => {
    let refused: RateLimitRule | undefined;
    for (let i = 0; i < item.rules.length && !refused; i++) {
      if (item.positions[i]! > item.rules[i]!.limit) refused = item.rules[i];
    }
    if (!refused) return ALLOWED;
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((item.windowStart + windowMs - now()) / 1000)),
      refusedBy: refused.key,
    };
  };

  const flush = () => {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const sending: Pending[] = [];
      // Waiting for an increment already in flight for one of their keys: they stay queued.
      const waiting: Pending[] = [];
      // Per key: the positions its checks here need, and (once sized) how many are asked for.
      const leases = new Map<
        KeyState,
        { key: string; needed: number; limit: number; count: number }
      >();
      let taken = 0;
      for (; taken < queue.length && sending.length < 500; taken++) {
        const item = queue[taken]!;
        if (place(item)) {
          item.resolve(decide(item));
          continue;
        }
        let blocked = false;
        for (let i = 0; i < item.rules.length; i++) {
          const state = item.states[i]!;
          if (item.positions[i] === 0 && state.leasing && !leases.has(state)) blocked = true;
        }
        if (blocked) {
          waiting.push(item);
          continue;
        }
        for (let i = 0; i < item.rules.length; i++) {
          if (item.positions[i] !== 0) continue;
          const state = item.states[i]!;
          const lease = leases.get(state);
          if (lease) lease.needed++;
          else
            leases.set(state, {
              key: item.rules[i]!.key,
              needed: 1,
              limit: item.rules[i]!.limit,
              count: 0,
            });
          state.leasing = true;
        }
        sending.push(item);
      }
      queue.splice(0, taken, ...waiting);
      if (sending.length === 0) break;

      const at = now();
      const increments: CounterIncrement[] = [];
      for (const [state, lease] of leases) {
        lease.count = leaseSize(state, lease.needed, lease.limit, at);
        state.leasedAt = at;
        state.handedOut = 0;
        const windowStart = new Date(state.windowStart);
        increments.push({ key: lease.key, windowStart, count: lease.count });
      }
      inFlight++;
      increment(increments)
        .then(
          (totals) => {
            for (const [state, { key, count }] of leases) {
              const total = totals.get(`${key}|${state.windowStart}`) ?? count;
              state.leasing = false;
              state.next = total - count + 1;
              state.end = total;
              state.total = total;
            }
            for (const item of sending) {
              place(item);
              item.resolve(decide(item));
            }
          },
          (error: unknown) => {
            for (const state of leases.keys()) state.leasing = false;
            for (const item of sending) item.reject(error);
          },
        )
        .finally(() => {
          inFlight--;
          flush();
        });
    }
  };

  return {
    check(rules) {
      const active = rules.filter((rule) => rule.limit > 0);
      if (active.length === 0) return ALLOWED;
      const current = now();
      const windowStart = current - (current % windowMs);
      const item: Pending = {
        rules: active,
        states: active.map((rule) => stateOf(rule.key, windowStart)),
        positions: active.map(() => 0),
        windowStart,
        resolve: () => {},
        reject: () => {},
      };
      // Answered from this instance's leases: no statement, no wait.
      if (queue.length === 0 && place(item)) return decide(item);
      return new Promise((resolve, reject) => {
        item.resolve = resolve;
        item.reject = reject;
        queue.push(item);
        // After the I/O callbacks of this turn, not the next microtask: each request arrives
        // in a callback of its own, and every check made in one turn shares the statement.
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
