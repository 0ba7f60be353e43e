import { useEffect, useRef, type RefObject } from "react";

/**
 * Once per mount, scrolls a (possibly virtualized) list of fixed-height rows, and the page, so
 * that the row with `id` (a `data-json-id`) is in view: a revealed place is seen, not just marked.
 */
export function useScrollToRow({
  containerRef,
  index,
  id,
  rowHeight,
  virtual,
}: {
  containerRef: RefObject<HTMLDivElement | null>;
  /** The row's position among all rows, -1 when absent. */
  index: number;
  id: string | null;
  rowHeight: number;
  virtual: boolean;
}) {
  const done = useRef(false);
  useEffect(() => {
    const container = containerRef.current;
    if (done.current || !container || id === null || index === -1) return;
    done.current = true;
    if (virtual) {
      container.scrollTop = Math.max(0, index * rowHeight - container.clientHeight / 2);
      container.scrollIntoView({ block: "nearest" });
      return;
    }
    container
      .querySelector(`[data-json-id="${CSS.escape(id)}"]`)
      ?.scrollIntoView({ block: "center" });
  }, [containerRef, index, id, rowHeight, virtual]);
}
