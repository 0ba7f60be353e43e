import type { SimulationSettings } from "@/lib/bins/bin-settings-schema";

/** What anyone holding a view link may learn about a bin (never its token or secret). */
export interface BinView extends SimulationSettings {
  id: string;
  createdAt: string;
  lastDeliveryAt: string | null;
  deliveryCount: number;
  hasOwner: boolean;
  /** Whether a webhook secret is set; the secret itself is never returned. */
  hasSecret: boolean;
  /** Deliveries refused with 429 by the rate limits. */
  rejectedCount: number;
  limits: { retentionDays: number; maxDeliveriesPerBin: number; maxBodyBytes: number };
}
