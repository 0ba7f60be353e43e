import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";
import type { ListFilter } from "@/lib/payload/list-filter";
import { readListFilter } from "@/lib/payload/read-list-filter";

/**
 * The list filter lives in the address (?method=POST&signature=invalid): a shared link, a
 * reload and back/forward all restore it. Each applied change is a history entry; Next keeps
 * useSearchParams in step with pushState.
 */
export function useUrlFilter(): [ListFilter, (filter: ListFilter) => void] {
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const filter = useMemo(() => readListFilter({ params: new URLSearchParams(query) }), [query]);
  const setFilter = useCallback((next: ListFilter) => {
    const search = buildFilterQuery({ filter: next });
    if (`?${search}` === window.location.search || (search === "" && window.location.search === ""))
      return;
    window.history.pushState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
  }, []);
  return [filter, setFilter];
}
