export interface SizedItem {
  bytes: number;
}

/**
 * Splits items, in order, into pages of at most `maxBytes` and `maxItems` each, so a page of
 * bodies read into memory stays bounded whatever the rows hold. An item larger than
 * `maxBytes` gets a page of its own (it cannot be split).
 */
export function splitByBytes<T extends SizedItem>({
  items,
  maxBytes,
  maxItems,
}: {
  items: readonly T[];
  maxBytes: number;
  maxItems: number;
}): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (page.length > 0 && (bytes + item.bytes > maxBytes || page.length >= maxItems)) {
      pages.push(page);
      page = [];
      bytes = 0;
    }
    page.push(item);
    bytes += item.bytes;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
