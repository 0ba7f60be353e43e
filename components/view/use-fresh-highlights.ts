import { useCallback, useEffect, useRef, useState } from "react";
import type { Freshness } from "@/components/view/DeliveryRow";

const FRESH_MS = 2000;
const FADE_MS = 1000;

/**
 * Highlights rows that just arrived: "new" for a moment, then "fading", then nothing. Two
 * phases so only the end of the highlight fades slowly (selection changes stay snappy).
 */
export function useFreshHighlights(): {
  freshIds: ReadonlyMap<string, Freshness>;
  highlight: (ids: string[]) => void;
} {
  const [freshIds, setFreshIds] = useState<ReadonlyMap<string, Freshness>>(new Map());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);

  const highlight = useCallback((ids: string[]) => {
    const update = (phase: Freshness | null) =>
      setFreshIds((map) => {
        const next = new Map(map);
        for (const id of ids) {
          if (phase) next.set(id, phase);
          else next.delete(id);
        }
        return next;
      });
    const later = (delay: number, phase: Freshness | null) => {
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        update(phase);
      }, delay);
      timers.current.add(timer);
    };
    update("new");
    later(FRESH_MS, "fading");
    later(FRESH_MS + FADE_MS, null);
  }, []);

  return { freshIds, highlight };
}
