import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { binQueryKey } from "@/components/view/bin-query-key";
import { rereadBin } from "@/components/view/reread-bin";

const binId = "unit-reread";

/** A query whose answers the test releases one by one, as the server would read them. */
function controlledQuery(queryClient: QueryClient, queryKey: readonly unknown[]) {
  const pending: Array<(value: string) => void> = [];
  const observer = new QueryObserver(queryClient, {
    queryKey,
    queryFn: () => new Promise<string>((resolve) => pending.push(resolve)),
  });
  const unsubscribe = observer.subscribe(() => {});
  return { observer, pending, unsubscribe };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("rereadBin", () => {
  it("restarts a first read that was in flight when the bin changed, so its stale answer is not kept", async () => {
    const queryClient = new QueryClient();
    const key = binQueryKey.detail(binId, "d1");
    const query = controlledQuery(queryClient, key);
    await settle();
    expect(query.pending).toHaveLength(1);
    // The change lands while the first read (begun before it) is still on its way.
    const reread = rereadBin({ queryClient, binId });
    await settle();
    query.pending[0]!("read before the change");
    await settle();
    expect(query.pending).toHaveLength(2);
    query.pending[1]!("read after the change");
    await reread;
    expect(queryClient.getQueryData(key)).toBe("read after the change");
    query.unsubscribe();
  });

  it("re-reads what is on screen and marks the rest stale; other bins are left alone", async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(binQueryKey.detail(binId, "shown"), "old");
    queryClient.setQueryData(binQueryKey.detail(binId, "hidden"), "old");
    queryClient.setQueryData(binQueryKey.detail("another-bin", "x"), "old");
    const shown = controlledQuery(queryClient, binQueryKey.detail(binId, "shown"));
    const reread = rereadBin({ queryClient, binId });
    await settle();
    // The read on subscribing (its data was stale) gave way to the re-read.
    shown.pending.at(-1)!("new");
    await reread;
    expect(queryClient.getQueryData(binQueryKey.detail(binId, "shown"))).toBe("new");
    expect(queryClient.getQueryState(binQueryKey.detail(binId, "hidden"))?.isInvalidated).toBe(
      true,
    );
    expect(queryClient.getQueryState(binQueryKey.detail("another-bin", "x"))?.isInvalidated).toBe(
      false,
    );
    shown.unsubscribe();
  });
});
