"use client";

import { MenuButton } from "@/components/common/MenuButton";
import { menuItemClass } from "@/components/common/menu-item-class";

interface ExportMenuProps {
  binId: string;
  /** The active filter as API parameters ("" for the whole bin). */
  filterQuery: string;
}

/** Downloads of the bin (or the filtered selection) through the streaming export API. */
export function ExportMenu({ binId, filterQuery }: ExportMenuProps) {
  const href = (format: "har" | "jsonl") =>
    `/api/bins/${encodeURIComponent(binId)}/export?format=${format}${filterQuery ? `&${filterQuery}` : ""}`;
  const scope = filterQuery ? "The filtered deliveries" : "Every delivery in the bin";
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
            <span className="text-xs text-zinc-500">{scope}, for browser dev tools</span>
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
            <span className="text-xs text-zinc-500">{scope}, one per line, exact bytes</span>
          </a>
        </>
      )}
    </MenuButton>
  );
}
