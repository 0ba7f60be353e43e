import { buildFilterQuery } from "@/lib/payload/build-filter-query";
import type { ListFilter } from "@/lib/payload/list-filter";

const bin = (binId: string) => `/api/bins/${encodeURIComponent(binId)}`;
const delivery = (binId: string, deliveryId: string) =>
  `${bin(binId)}/deliveries/${encodeURIComponent(deliveryId)}`;

/** A query string from parts that may be empty ("" when every part is). */
function joinQuery(parts: string[]): string {
  const query = parts.filter((part) => part !== "").join("&");
  return query === "" ? "" : `?${query}`;
}

/**
 * Every API address the browser uses, built in one place so ids are always escaped and the
 * filter parameters are always those of the list API.
 */
export const apiUrl = {
  /** POST: a new bin. */
  bins: () => "/api/bins",
  /** GET the bin's settings and counters; DELETE the bin. */
  bin,
  claim: (binId: string) => `${bin(binId)}/claim`,
  settings: (binId: string) => `${bin(binId)}/settings`,
  samples: (binId: string) => `${bin(binId)}/samples`,
  /** GET a page of the (filtered) list, newest first, older than `before`; DELETE clears. */
  deliveries: (
    binId: string,
    page: { filter?: ListFilter; before?: string | null; limit?: number } = {},
  ) =>
    `${bin(binId)}/deliveries${joinQuery([
      page.limit === undefined ? "" : `limit=${page.limit}`,
      page.before ? `before=${encodeURIComponent(page.before)}` : "",
      page.filter ? buildFilterQuery({ filter: page.filter }) : "",
    ])}`,
  /** GET one delivery's detail; DELETE it. */
  delivery,
  raw: (binId: string, deliveryId: string) => `${delivery(binId, deliveryId)}/raw`,
  /** POST (owner): signature headers for a replay of the delivery with the given body. */
  sign: (binId: string, deliveryId: string) => `${delivery(binId, deliveryId)}/sign`,
  /** GET how delivery `againstId` differs from `deliveryId`. */
  diff: (binId: string, deliveryId: string, againstId: string) =>
    `${delivery(binId, deliveryId)}/diff?against=${encodeURIComponent(againstId)}`,
  /** The live stream, resuming after `lastEventId` when given. */
  events: (binId: string, lastEventId: string | null) =>
    `${bin(binId)}/events${joinQuery([
      lastEventId ? `lastEventId=${encodeURIComponent(lastEventId)}` : "",
    ])}`,
  /** GET the bin's overview over a window (1h, 24h, 7d). */
  stats: (binId: string, window: string) =>
    `${bin(binId)}/stats?window=${encodeURIComponent(window)}`,
  export: (binId: string, format: "har" | "jsonl", filter: ListFilter) =>
    `${bin(binId)}/export${joinQuery([`format=${format}`, buildFilterQuery({ filter })])}`,
};
