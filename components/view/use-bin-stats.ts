"use client";

import { hashKey, keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { binQueryKey } from "@/components/view/bin-query-key";
import { fetchBinStats } from "@/components/view/fetch-bin-stats";
import type { StatsWindow } from "@/lib/deliveries/get-bin-stats.types";

// A burst of live deliveries re-reads the overview at most this often, so charts follow the
// traffic without a query per delivery.
const REFRESH_EVERY_MS = 2000;
// The server shares an overview read for 1 s (lib/deliveries/get-stats-reads.ts): a refresh
// at least this long after the newest live delivery can no longer get an answer from before it.
const SETTLE_MS = 1200;

/**
 * The bin's overview for one window, kept current: live deliveries (the live log in the
 * cache grows) re-read it, throttled, each followed by a read at least SETTLE_MS later; a bin
 * change re-reads it with everything under ["bin", id]. While another window loads, the
 * previous one stays on screen.
 */
export function useBinStats({ binId, window }: { binId: string; window: StatsWindow }) {
  const queryClient = useQueryClient();

  useEffect(() => {
    const liveHash = hashKey(binQueryKey.live(binId));
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRefresh = 0;
    let lastEvent = 0;
    const schedule = () => {
      const at = Math.max(lastEvent + SETTLE_MS, lastRefresh + REFRESH_EVERY_MS);
      timer = setTimeout(refresh, Math.max(0, at - Date.now()));
    };
    const refresh = () => {
      timer = null;
      lastRefresh = Date.now();
      void queryClient.invalidateQueries({ queryKey: binQueryKey.stats(binId) });
      // Deliveries that came while waiting, too recently to be in that answer: once more.
      if (lastRefresh - lastEvent < SETTLE_MS) schedule();
    };
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.query.queryHash !== liveHash) return;
      lastEvent = Date.now();
      if (timer === null) schedule();
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [binId, queryClient]);

  return useQuery({
    queryKey: binQueryKey.stats(binId, window),
    queryFn: ({ signal }) => fetchBinStats({ binId, window, signal }),
    // Opened again later: read fresh numbers (the view's other queries never go stale by age).
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
