import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { checkJsonFilter } from "@/components/view/check-json-filter";
import { buildFilterQuery } from "@/lib/payload/build-filter-query";
import type { ListFilter } from "@/lib/payload/list-filter";
import { readListFilter } from "@/lib/payload/read-list-filter";

/**
 * The list filter lives in the address (?method=POST&signature=invalid): a shared link, a
 * reload and back/forward all restore it. Each applied change is a history entry made like
 * the selection's (the router's own state kept, so the server page is not rendered again);
 * back/forward are read from `popstate`.
 */
export function useUrlFilter(): [ListFilter, (filter: ListFilter) => void] {
  // The server render and hydration read the same address through Next.
  const searchParams = useSearchParams();
  const [query, setQuery] = useState(() => searchParams.toString());
  useEffect(() => {
    const onPopState = () => setQuery(window.location.search.slice(1));
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);
  const filter = useMemo(() => {
    const read = readListFilter({ params: new URLSearchParams(query) });
    // A hand-edited json= entry the API would refuse is left out, like any other bad value.
    const json = read.json.filter((entry) => checkJsonFilter({ entries: [entry] }).ok);
    return json.length === read.json.length ? read : { ...read, json };
  }, [query]);
  const setFilter = useCallback((next: ListFilter) => {
    const search = buildFilterQuery({ filter: next });
    setQuery(search);
    if (search === window.location.search.slice(1)) return;
    window.history.pushState(
      window.history.state,
      "",
      `${window.location.pathname}${search ? `?${search}` : ""}`,
    );
  }, []);
  return [filter, setFilter];
}
