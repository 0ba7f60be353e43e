/** What anyone holding a view link may learn about a bin. */
export interface BinView {
  id: string;
  createdAt: string;
  lastDeliveryAt: string | null;
  deliveryCount: number;
  hasOwner: boolean;
  /** Whether a webhook secret is set; the secret itself is never returned. */
  hasSecret: boolean;
}
