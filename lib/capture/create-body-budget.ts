export interface BodyBudgetAccount {
  /**
   * Reserves `bytes` more for this body. True when granted now; otherwise false, and
   * `onGranted` runs once they fit (the caller pauses the request meanwhile). One wait at a time.
   */
  reserve: (bytes: number, onGranted: () => void) => boolean;
  /** The whole body is in: it only holds memory from now on (gives up the large-body lane). */
  finishReading: () => void;
  /** Gives back everything this body holds and cancels its wait. Idempotent. */
  close: () => void;
}

export interface BodyBudget {
  /** One account per request body, charged to the client's address. */
  open: (client: string) => BodyBudgetAccount;
  inUse: () => number;
  /** Bodies paused until memory frees up. */
  waiting: () => number;
}

export interface CreateBodyBudgetOptions {
  /** Body bytes held in memory at once, over all requests. */
  capacity: number;
  /** The largest body (MAX_BODY_BYTES): the size of the large-body lane. */
  maxBodyBytes: number;
  /** What one client address's bodies still arriving may hold outside the lane. */
  perClientBytes: number;
}

interface ClientState {
  /** Held by this client's bodies still arriving, outside the lane (its part of the shared zone). */
  arriving: number;
  /** Open accounts: the entry is dropped when the last one closes. */
  accounts: number;
  waiting: Account[];
}

interface Account {
  client: ClientState;
  held: number;
  reading: boolean;
  closed: boolean;
  wait: { bytes: number; onGranted: () => void } | null;
}

/**
 * Bounds the request bodies held in memory, charged as bytes ARRIVE (a declared length costs
 * nothing): an idle client that announced 10 MiB holds nothing, and a body-less or small
 * request never waits behind a large one.
 *
 * Deadlock freedom: bodies that grow a chunk at a time could each hold part of the budget and
 * all wait for more. So bodies still arriving hold at most `capacity - maxBodyBytes` together
 * (the shared zone, also bounded per client address); beyond it, ONE body at a time (the lane)
 * may grow up to `capacity`. The lane's body needs at most `maxBodyBytes` in all and the others
 * still arriving hold at most the shared zone, so it always finishes once the bodies being
 * committed (they need nothing more) let go.
 *
 * Fairness: paused bodies are granted round-robin over client addresses, so one address with
 * many uploads cannot take every byte that frees up.
 */
export function createBodyBudget({
  capacity,
  maxBodyBytes,
  perClientBytes,
}: CreateBodyBudgetOptions): BodyBudget {
  const sharedZone = Math.max(0, capacity - maxBodyBytes);
  let used = 0;
  // Held by bodies still arriving, outside the lane: what could otherwise wait on each other.
  let sharedHeld = 0;
  let waitingCount = 0;
  let lane: Account | null = null;
  const clients = new Map<string, ClientState>();
  // Clients with a paused body, in turn order (a Set keeps insertion order; re-adding a
  // client that was just served moves it to the back).
  const turns = new Set<ClientState>();

  const grant = (account: Account, bytes: number): boolean => {
    if (used + bytes > capacity) return false;
    if (
      account !== lane &&
      sharedHeld + bytes <= sharedZone &&
      account.client.arriving + bytes <= perClientBytes
    ) {
      sharedHeld += bytes;
      account.client.arriving += bytes;
    } else if (lane === null || lane === account) {
      if (lane === null) {
        leaveSharedZone(account);
        lane = account;
      }
    } else {
      return false;
    }
    used += bytes;
    account.held += bytes;
    return true;
  };

  /** The body took the lane, is all in, or is gone: it no longer counts in the shared zone. */
  const leaveSharedZone = (account: Account) => {
    if (!account.reading || lane === account) return;
    sharedHeld -= account.held;
    account.client.arriving -= account.held;
  };

  const unqueue = (account: Account) => {
    const client = account.client;
    account.wait = null;
    waitingCount--;
    client.waiting.splice(client.waiting.indexOf(account), 1);
    turns.delete(client);
    // Served (or gone): the client goes to the back of the turn order.
    if (client.waiting.length > 0) turns.add(client);
  };

  const serveWaiting = () => {
    const granted: Array<() => void> = [];
    let progress = true;
    while (progress && turns.size > 0) {
      progress = false;
      // The lane's body first: it is the one that can always finish, and it may sit behind
      // other paused bodies of its own client.
      if (lane?.wait && grant(lane, lane.wait.bytes)) {
        granted.push(lane.wait.onGranted);
        unqueue(lane);
        progress = true;
      }
      for (const client of [...turns]) {
        const account = client.waiting[0];
        if (!account?.wait || !grant(account, account.wait.bytes)) continue;
        granted.push(account.wait.onGranted);
        unqueue(account);
        progress = true;
      }
    }
    // After the bookkeeping: a callback may reserve again or close.
    for (const onGranted of granted) onGranted();
  };

  return {
    open(address) {
      let client = clients.get(address);
      if (!client) {
        client = { arriving: 0, accounts: 0, waiting: [] };
        clients.set(address, client);
      }
      client.accounts++;
      const account: Account = { client, held: 0, reading: true, closed: false, wait: null };

      return {
        reserve(bytes, onGranted) {
          if (account.closed || !account.reading)
            throw new Error("body budget: account not reading");
          if (account.wait) throw new Error("body budget: already waiting");
          if (bytes <= 0 || grant(account, bytes)) return true;
          account.wait = { bytes, onGranted };
          waitingCount++;
          client.waiting.push(account);
          turns.add(client);
          return false;
        },
        finishReading() {
          if (!account.reading) return;
          leaveSharedZone(account);
          account.reading = false;
          if (lane === account) lane = null;
          serveWaiting();
        },
        close() {
          if (account.closed) return;
          account.closed = true;
          leaveSharedZone(account);
          account.reading = false;
          if (account.wait) unqueue(account);
          used -= account.held;
          account.held = 0;
          if (lane === account) lane = null;
          if (--client.accounts === 0) clients.delete(address);
          serveWaiting();
        },
      };
    },
    inUse: () => used,
    waiting: () => waitingCount,
  };
}
