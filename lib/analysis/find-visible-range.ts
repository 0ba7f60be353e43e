// First index whose row ends below `y` (offsets[i + 1] > y), by binary search.
function firstRowEndingAfter(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((offsets[middle + 1] ?? Infinity) > y) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The rows a virtualised list must render: `offsets` holds each row's top plus the total height
 * at the end (length = rows + 1), so rows may have different heights. `end` is exclusive.
 */
export function findVisibleRange({
  offsets,
  scrollTop,
  viewportHeight,
  overscan,
}: {
  offsets: readonly number[];
  scrollTop: number;
  viewportHeight: number;
  overscan: number;
}): { start: number; end: number } {
  const count = Math.max(0, offsets.length - 1);
  if (count === 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(count - 1, firstRowEndingAfter(offsets, top));
  const last = Math.min(count - 1, firstRowEndingAfter(offsets, top + Math.max(0, viewportHeight)));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}
