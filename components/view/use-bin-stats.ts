"use client";

import { hashKey, keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { binQueryKey } from "@/components/view/bin-query-key";
import { fetchBinStats } from "@/components/view/fetch-bin-stats";
import type { StatsWindow } from "@/lib/deliveries/get-bin-stats.types";

// A burst of live deliveries re-reads the overview at most this often (first at once, then
// once more after the burst), so charts follow the traffic without a query per delivery.
const REFRESH_EVERY_MS = 2000;

/**
 * The bin's overview for one window, kept current: live deliveries (the live log in the
 * cache grows) re-read it, throttled; a bin change re-reads it with everything under
 * ["bin", id]. While another window loads, the previous one stays on screen.
 */
export function useBinStats({ binId, window }: { binId: string; window: StatsWindow }) {
  const queryClient = useQueryClient();

  useEffect(() => {
    const liveHash = hashKey(binQueryKey.live(binId));
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const refresh = () => {
      timer = null;
      last = Date.now();
      void queryClient.invalidateQueries({ queryKey: binQueryKey.stats(binId) });
    };
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.query.queryHash !== liveHash) return;
      if (timer !== null) return;
      timer = setTimeout(refresh, Math.max(0, last + REFRESH_EVERY_MS - Date.now()));
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
