"use client";

import { MenuButton } from "@/components/common/MenuButton";
import { menuItemClass } from "@/components/common/menu-item-class";
import { apiUrl } from "@/components/common/api-url";
import type { ListFilter } from "@/lib/payload/list-filter";

interface ExportMenuProps {
  binId: string;
  filter: ListFilter;
  /** A filter is active: the export is a selection, not the whole bin. */
  filtered: boolean;
}

/** Downloads of the bin (or the filtered selection) through the streaming export API. */
export function ExportMenu({ binId, filter, filtered }: ExportMenuProps) {
  const href = (format: "har" | "jsonl") => apiUrl.export(binId, format, filter);
  const scope = filtered ? "The filtered deliveries" : "Every delivery in the bin";
  return (
    <MenuButton label="Export ▾" testId="export-menu" align="right">
      {(close) => (
        <>
          <a
            role="menuitem"
            href={href("har")}
            download
            data-testid="export-har"
            onClick={close}
            className={menuItemClass}
          >
            <span className="font-medium">HAR 1.2</span>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">
              {scope}, for browser dev tools
            </span>
          </a>
          <a
            role="menuitem"
            href={href("jsonl")}
            download
            data-testid="export-jsonl"
            onClick={close}
            className={menuItemClass}
          >
            <span className="font-medium">JSON lines</span>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">
              {scope}, one per line, exact bytes
            </span>
          </a>
        </>
      )}
    </MenuButton>
  );
}
