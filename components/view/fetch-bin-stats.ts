import { apiUrl } from "@/components/common/api-url";
import { readErrorMessage } from "@/components/view/read-error-message";
import {
  binStatsSchema,
  type BinStats,
  type StatsWindow,
} from "@/lib/deliveries/get-bin-stats.types";

/** GET the bin's overview for one window, checked against the server's schema. */
export async function fetchBinStats({
  binId,
  window,
  signal,
}: {
  binId: string;
  window: StatsWindow;
  signal?: AbortSignal;
}): Promise<BinStats> {
  const response = await fetch(apiUrl.stats(binId, window), {
    credentials: "same-origin",
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw new Error(await readErrorMessage(response));
  const parsed = binStatsSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error("The server sent an unexpected answer.");
  return parsed.data;
}
