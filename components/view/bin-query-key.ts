import type { QueryClient } from "@tanstack/react-query";

/** One delivery of one bin in a query cache. */
export interface CachedDeliveryRef {
  queryClient: QueryClient;
  binId: string;
  deliveryId: string;
}

/**
 * Cache keys of one bin's server state. Everything of a bin sits under ["bin", id], so one
 * invalidation re-reads all of it; a list's key holds its filter (as API parameters), so a
 * page for one filter can never land in another filter's list.
 */
export const binQueryKey = {
  all: (binId: string) => ["bin", binId] as const,
  /** GET /api/bins/<id> as anyone sees it (counters, whether a local app is answering). */
  public: (binId: string) => ["bin", binId, "public"] as const,
  lists: (binId: string) => ["bin", binId, "deliveries"] as const,
  list: (binId: string, filterQuery: string) => ["bin", binId, "deliveries", filterQuery] as const,
  details: (binId: string) => ["bin", binId, "delivery"] as const,
  detail: (binId: string, deliveryId: string) => ["bin", binId, "delivery", deliveryId] as const,
  stats: (binId: string, window?: string) =>
    window === undefined
      ? (["bin", binId, "stats"] as const)
      : (["bin", binId, "stats", window] as const),
  /**
   * How `againstId` differs from `deliveryId`. Outside ["bin", id]: deliveries never change, so
   * a bin change (settings, secret) must not re-read every diff on screen.
   */
  diff: (binId: string, deliveryId: string, againstId: string) =>
    ["diff", binId, deliveryId, againstId] as const,
  /** Live arrivals, kept outside ["bin", id] so invalidating the bin does not touch them. */
  live: (binId: string) => ["live", binId] as const,
};
