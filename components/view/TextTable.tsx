import type { ReactNode } from "react";

export interface TextTableColumn {
  heading: ReactNode;
  /** A width class (`w-1/3`); columns without one share what is left. */
  width?: string;
}

/** The frame of the view's monospace text tables (headers, diffs): headings, then `children` rows. */
export function TextTable({
  testId,
  label,
  columns,
  children,
}: {
  testId: string;
  label: string;
  columns: TextTableColumn[];
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table data-testid={testId} aria-label={label} className="w-full text-left text-[13px]">
        <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                className={[column.width, "px-3 py-1.5 font-medium"].filter(Boolean).join(" ")}
              >
                {column.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 font-mono dark:divide-zinc-800/70">
          {children}
        </tbody>
      </table>
    </div>
  );
}
