import type { QueryClient } from "@tanstack/react-query";
import { binQueryKey } from "@/components/view/bin-query-key";

/**
 * Re-reads everything of a bin after a change to it (settings, secret, deletions, a held
 * delivery's forwarded answer). Invalidation alone does not restart a query's first fetch
 * (TanStack only cancels a refetch of a query that already has data), and that fetch may have
 * read the bin before the change: such fetches are cancelled first, so the re-read starts over.
 */
export async function rereadBin({
  queryClient,
  binId,
}: {
  queryClient: QueryClient;
  binId: string;
}): Promise<void> {
  await queryClient.cancelQueries({
    queryKey: binQueryKey.all(binId),
    predicate: (query) => query.state.data === undefined && query.state.fetchStatus === "fetching",
  });
  await queryClient.invalidateQueries({ queryKey: binQueryKey.all(binId) });
}
