import { useQuery, useQueryClient } from "@tanstack/react-query";
import { deliveryDetailQuery } from "@/components/view/delivery-detail-query";
import type { LoadedDelivery } from "@/components/view/fetch-delivery-detail";

export type DeliveryDetailState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string; retry: () => void }
  | { status: "ready"; delivery: LoadedDelivery };

/**
 * One delivery's headers, body, verdict and timeline, cached by id; null id means nothing
 * selected. An invalidated entry keeps showing while it refetches, and a failed refresh keeps
 * showing what was loaded before, unless the delivery is gone (deleted meanwhile).
 */
export function useDeliveryDetail({
  binId,
  deliveryId,
}: {
  binId: string;
  deliveryId: string | null;
}): DeliveryDetailState {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...deliveryDetailQuery({ queryClient, binId, deliveryId: deliveryId ?? "" }),
    enabled: deliveryId !== null,
  });

  if (deliveryId === null) return { status: "idle" };
  const gone = query.isError && query.error.cause === "gone";
  if (query.data && !gone) return { status: "ready", delivery: query.data };
  if (query.isError) {
    return {
      status: "error",
      message: query.error.message || "Could not load the delivery.",
      retry: () => void query.refetch(),
    };
  }
  return { status: "loading" };
}
