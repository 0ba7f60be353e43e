import { useQuery, useQueryClient } from "@tanstack/react-query";
import { binQueryKey } from "@/components/view/bin-query-key";
import { fetchDeliveryDetail, type LoadedDelivery } from "@/components/view/fetch-delivery-detail";

export type DeliveryDetailState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; message: string; retry: () => void }
  | { status: "ready"; delivery: LoadedDelivery };

/**
 * One delivery's headers, body, verdict and timeline, cached by id; null id means nothing
 * selected. An invalidated entry keeps showing while it refetches, and a failed refresh keeps
 * showing what was loaded before.
 */
export function useDeliveryDetail({
  binId,
  deliveryId,
}: {
  binId: string;
  deliveryId: string | null;
}): DeliveryDetailState {
  const queryClient = useQueryClient();
  const key = binQueryKey.detail(binId, deliveryId ?? "");
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      fetchDeliveryDetail({
        binId,
        deliveryId: deliveryId ?? "",
        previous: queryClient.getQueryData<LoadedDelivery>(key),
        signal,
      }),
    enabled: deliveryId !== null,
  });

  if (deliveryId === null) return { status: "idle" };
  if (query.data) return { status: "ready", delivery: query.data };
  if (query.isError) {
    return {
      status: "error",
      message: query.error.message || "Could not load the delivery.",
      retry: () => void query.refetch(),
    };
  }
  return { status: "loading" };
}
