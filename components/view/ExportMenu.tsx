"use client";

import { MenuButton } from "@/components/common/MenuButton";
import { MenuItemText } from "@/components/common/MenuItemText";
import { menuItemClass } from "@/components/common/menu-item-class";
import { apiUrl } from "@/components/common/api-url";
import type { ListFilter } from "@/lib/payload/list-filter";

interface ExportMenuProps {
  binId: string;
  filter: ListFilter;
  /** A filter is active: the export is a selection, not the whole bin. */
  filtered: boolean;
}

const FORMATS = [
  { format: "har", title: "HAR 1.2", detail: "for browser dev tools" },
  { format: "jsonl", title: "JSON lines", detail: "one per line, exact bytes" },
] as const;

/** Downloads of the bin (or the filtered selection) through the streaming export API. */
export function ExportMenu({ binId, filter, filtered }: ExportMenuProps) {
  const href = (format: "har" | "jsonl") => apiUrl.export(binId, format, filter);
  const scope = filtered ? "The filtered deliveries" : "Every delivery in the bin";
  return (
    <MenuButton label="Export ▾" testId="export-menu" align="right">
      {(close) => (
        <>
          {FORMATS.map(({ format, title, detail }) => (
            <a
              key={format}
              role="menuitem"
              href={href(format)}
              download
              data-testid={`export-${format}`}
              onClick={close}
              className={menuItemClass}
            >
              <MenuItemText title={title} detail={`${scope}, ${detail}`} />
            </a>
          ))}
        </>
      )}
    </MenuButton>
  );
}
