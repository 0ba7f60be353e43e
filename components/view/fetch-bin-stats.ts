import { apiUrl } from "@/components/common/api-url";
import { fetchCheckedJson } from "@/components/view/fetch-checked-json";
import {
  binStatsSchema,
  type BinStats,
  type StatsWindow,
} from "@/lib/deliveries/get-bin-stats.types";

/** GET the bin's overview for one window, checked against the server's schema. */
export function fetchBinStats({
  binId,
  window,
  signal,
}: {
  binId: string;
  window: StatsWindow;
  signal?: AbortSignal;
}): Promise<BinStats> {
  return fetchCheckedJson({ url: apiUrl.stats(binId, window), schema: binStatsSchema, signal });
}
