import { AsyncLocalStorage } from "node:async_hooks";

interface Timer {
  unref?: () => unknown;
}

export interface AsyncStorageQuiescerOptions {
  /** How long no tracked request may be in flight before the storages are disabled. */
  idleMs?: number;
  setTimer?: (callback: () => void, ms: number) => Timer;
  clearTimer?: (timer: Timer) => void;
}

export interface AsyncStorageQuiescer {
  /** Marks one request that may use an AsyncLocalStorage as started; call the result when it ended. */
  begin: () => () => void;
  /** True when this Node version runs AsyncLocalStorage on async hooks (so quiescing helps). */
  active: boolean;
  /** Puts AsyncLocalStorage back as it was (tests). */
  uninstall: () => void;
}

interface HookedStorage {
  enabled: boolean;
  _enable: () => void;
  disable: () => void;
}

/**
 * On Node 20, an AsyncLocalStorage that has once run turns on a global async hook that runs
 * for every promise the process creates from then on, whoever creates it. Next and React run
 * several per request, so after the first page view every capture paid for it: 13–16% more
 * CPU per delivery (two servers paired on one core, one with a storage left on). Captures never
 * read those storages. This disables every enabled storage once no tracked (Next) request has
 * been in flight for `idleMs`, which turns the hook off; the next request's `run()` enables
 * them again. A storage first enabled outside a tracked request stays on until one has ended.
 * Where AsyncLocalStorage does not use the hook (Node 24, or 22 with async-context-frame: no
 * `_enable`), it does nothing. Installed before Next serves its first request.
 */
export function createAsyncStorageQuiescer({
  idleMs = 1000,
  setTimer = setTimeout,
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: AsyncStorageQuiescerOptions = {}): AsyncStorageQuiescer {
  const prototype = AsyncLocalStorage.prototype as unknown as Partial<HookedStorage>;
  const originalEnable = prototype._enable;
  if (typeof originalEnable !== "function" || typeof prototype.disable !== "function") {
    return { begin: () => () => {}, active: false, uninstall: () => {} };
  }
  // Every storage that turned the hook on since the last quiet moment.
  const enabled = new Set<HookedStorage>();
  prototype._enable = function enable(this: HookedStorage) {
    if (!this.enabled) enabled.add(this);
    originalEnable.call(this);
  };

  let inFlight = 0;
  let timer: Timer | null = null;
  const quiesce = () => {
    timer = null;
    if (inFlight > 0) return;
    for (const storage of enabled) storage.disable();
    enabled.clear();
  };
  return {
    active: true,
    uninstall() {
      if (timer) clearTimer(timer);
      prototype._enable = originalEnable;
    },
    begin() {
      inFlight++;
      if (timer) {
        clearTimer(timer);
        timer = null;
      }
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        inFlight--;
        if (inFlight === 0 && enabled.size > 0) {
          timer = setTimer(quiesce, idleMs);
          timer.unref?.();
        }
      };
    },
  };
}
