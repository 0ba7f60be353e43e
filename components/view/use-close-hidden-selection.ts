import { useEffect, useEffectEvent, useRef } from "react";
import type { DeliveryListState } from "@/components/view/use-delivery-list";

interface UseCloseHiddenSelectionOptions {
  list: DeliveryListState;
  filterQuery: string;
  selectedId: string | null;
  /** The selected delivery is not in the list the new filter shows. */
  onHidden: () => void;
}

/**
 * A delivery the filter hides closes: once a new filter's list has loaded, a selection that is
 * not among its rows goes, unless it may sit on an older page not loaded yet (ids are
 * time-ordered, so "older than the last loaded row" tells).
 */
export function useCloseHiddenSelection({
  list,
  filterQuery,
  selectedId,
  onHidden,
}: UseCloseHiddenSelectionOptions) {
  const checked = useRef<string | null>(null);
  const check = useEffectEvent(() => {
    if (selectedId === null || filterQuery === "") return;
    const { deliveries, hasOlder } = list;
    if (deliveries.some((delivery) => delivery.id === selectedId)) return;
    const oldest = deliveries.at(-1)?.id;
    if (hasOlder && oldest !== undefined && selectedId < oldest) return;
    onHidden();
  });
  useEffect(() => {
    if (list.filtering || list.listError !== null || checked.current === filterQuery) return;
    checked.current = filterQuery;
    check();
  }, [filterQuery, list.filtering, list.listError]);
}
