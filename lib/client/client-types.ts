import type { z } from "zod";
import type { deliveryFilterSchema } from "@/lib/deliveries/delivery-filter";
import type { listedDeliverySchema } from "@/lib/deliveries/delivery-summary";
import type { deliveryDetailSchema } from "@/lib/deliveries/get-delivery-detail.types";
import type { JsonScalar } from "@/lib/deliveries/parse-json-match";

/** A delivery as the list and the wait return it (no headers, no body). */
export type ListedDelivery = z.infer<typeof listedDeliverySchema>;
/** A delivery in full: headers in order, body as base64 and (when UTF-8) as text. */
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;

/**
 * The list's filters (method, path, header, body, signature and whatever the server's list
 * gains), with `match` for the json= filter: `{ status: "completed", "items.0.ok": true }`
 * compares each value at its dot path as JSON; raw `"path=value"` strings are sent as they are.
 */
export type DeliveryFilterOptions = Omit<z.input<typeof deliveryFilterSchema>, "json"> & {
  match?: Record<string, JsonScalar> | string[];
};

export interface WaitForDeliveryOptions extends DeliveryFilterOptions {
  /** Total time to wait (default 30 s); longer than 60 s is several long polls, no gap. */
  timeoutMs?: number;
  /**
   * Where to start: a delivery id (the first match after it, even one that arrived before the
   * call), "now" (default: only deliveries arriving from now on) or "start" (from the bin's
   * first delivery: create, trigger the sender, then wait, with no race).
   */
  after?: "now" | "start" | (string & {});
  signal?: AbortSignal;
}

export interface ListDeliveriesOptions extends DeliveryFilterOptions {
  /** Page size, 1-200 (default 50); newest first. */
  limit?: number;
  /** A delivery id: only older ones (the list's cursor). */
  before?: string;
}

/** A bin on a Webhook Echo server. */
export interface WebhookEchoBin {
  id: string;
  /** The server's base URL, without a trailing slash. */
  server: string;
  /** Point the webhook sender here (any subpath and method). */
  echoUrl: string;
  /** Open in a browser to watch deliveries live. */
  viewUrl: string;
  /** Needed for delete(); null for a bin opened without it. */
  ownerToken: string | null;
  /** The first delivery matching every filter, in full; throws code "timeout" when none comes. */
  waitForDelivery: (options?: WaitForDeliveryOptions) => Promise<DeliveryDetail>;
  /** One page of summaries, newest first. */
  deliveries: (options?: ListDeliveriesOptions) => Promise<ListedDelivery[]>;
  /** One delivery in full. */
  delivery: (id: string) => Promise<DeliveryDetail>;
  /** Deletes the bin and its deliveries (needs the owner token). */
  delete: () => Promise<void>;
}

export interface ClientConnection {
  /** The Webhook Echo server, e.g. http://localhost:3000. */
  server: string;
  /** Another fetch (tests, proxies); default globalThis.fetch. */
  fetch?: typeof fetch;
}
