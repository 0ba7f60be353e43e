/** What anyone holding a view link may learn about a bin. */
export interface BinView {
  id: string;
  createdAt: string;
  lastDeliveryAt: string | null;
  deliveryCount: number;
  hasOwner: boolean;
}
