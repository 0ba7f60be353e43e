interface KeyValueTableProps {
  rows: ReadonlyArray<readonly [string, string]>;
  testId: string;
  label: string;
  nameHeading?: string;
  valueHeading?: string;
}

/** Ordered name/value pairs as sent (duplicates kept), rendered as plain text. */
export function KeyValueTable({
  rows,
  testId,
  label,
  nameHeading = "Name",
  valueHeading = "Value",
}: KeyValueTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table data-testid={testId} aria-label={label} className="w-full text-left text-[13px]">
        <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="w-1/3 px-3 py-1.5 font-medium">
              {nameHeading}
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              {valueHeading}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 font-mono dark:divide-zinc-800/70">
          {rows.map(([name, value], index) => (
            <tr key={index} className="align-top">
              <td className="px-3 py-1.5 font-medium whitespace-pre-wrap wrap-anywhere text-zinc-700 dark:text-zinc-300">
                {name}
              </td>
              <td className="px-3 py-1.5 whitespace-pre-wrap wrap-anywhere">
                {value === "" ? (
                  <span className="text-zinc-500 italic dark:text-zinc-400">empty</span>
                ) : (
                  value
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
