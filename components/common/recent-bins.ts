import { isValidBinId } from "@/lib/ids/bin-id";

export interface RecentBin {
  id: string;
  /** ISO time the bin was last created or opened in this browser. */
  at: string;
}

const STORAGE_KEY = "webhook-echo:recent-bins";
const MAX_ENTRIES = 10;
const CHANGE_EVENT = "webhook-echo:recent-bins-changed";
const EMPTY: RecentBin[] = [];

let cachedRaw: string | null = null;
let cachedList: RecentBin[] = EMPTY;

function parse(raw: string | null): RecentBin[] {
  if (!raw) return EMPTY;
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return EMPTY;
    return value
      .filter(
        (entry): entry is RecentBin =>
          typeof entry === "object" &&
          entry !== null &&
          typeof entry.id === "string" &&
          isValidBinId(entry.id) &&
          typeof entry.at === "string",
      )
      .slice(0, MAX_ENTRIES);
  } catch {
    return EMPTY;
  }
}

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Snapshot for useSyncExternalStore: the same array until storage changes. */
export function getRecentBins(): RecentBin[] {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedList = parse(raw);
  }
  return cachedList;
}

export function getServerRecentBins(): RecentBin[] {
  return EMPTY;
}

export function subscribeRecentBins(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === STORAGE_KEY) onChange();
  };
  window.addEventListener("storage", onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** Moves the bin to the front of this browser's list (most recent first, at most ten). */
export function recordRecentBin(id: string) {
  if (!isValidBinId(id)) return;
  const next = [
    { id, at: new Date().toISOString() },
    ...getRecentBins().filter((entry) => entry.id !== id),
  ].slice(0, MAX_ENTRIES);
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    return;
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}
