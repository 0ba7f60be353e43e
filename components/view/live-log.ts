import type { ListedDelivery } from "@/components/view/listed-delivery";

/**
 * What the live stream delivered, kept in the query cache: the stream resumes after
 * `newestId`, and a list fetched while rows arrived merges them from `recent`.
 */
export interface LiveLog {
  /** Newest delivery id ever seen (server render or stream), shown or filtered out. */
  newestId: string | null;
  /** Live arrivals, newest first, at most LIVE_LOG_SIZE. */
  recent: ListedDelivery[];
}

export const LIVE_LOG_SIZE = 1000;
