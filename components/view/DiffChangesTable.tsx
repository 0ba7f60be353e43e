import { DiffOpBadge } from "@/components/view/DiffOpBadge";
import type { DiffOp } from "@/lib/diff/delivery-diff-schema";

export interface DiffRow {
  key: string;
  op: DiffOp;
  before: string | null;
  after: string | null;
}

function Value({ value }: { value: string | null }) {
  if (value === null) {
    return (
      <span className="text-zinc-400">
        <span aria-hidden="true">—</span>
        <span className="sr-only">none</span>
      </span>
    );
  }
  if (value === "") return <span className="text-zinc-400 italic">empty</span>;
  return <>{value}</>;
}

/** Changes as a table: what (header or path), the kind of change, before and after, as text. */
export function DiffChangesTable({
  rows,
  label,
  keyHeading,
  testId,
}: {
  rows: DiffRow[];
  label: string;
  keyHeading: string;
  testId: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table data-testid={testId} aria-label={label} className="w-full text-left text-[13px]">
        <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="w-1/4 px-3 py-1.5 font-medium">
              {keyHeading}
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Change
            </th>
            <th scope="col" className="w-1/3 px-3 py-1.5 font-medium">
              Before
            </th>
            <th scope="col" className="w-1/3 px-3 py-1.5 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 font-mono dark:divide-zinc-800/70">
          {rows.map((row, index) => (
            <tr key={index} data-op={row.op} className="align-top">
              <td className="px-3 py-1.5 font-medium whitespace-pre-wrap wrap-anywhere text-zinc-700 dark:text-zinc-300">
                {row.key === "" ? (
                  <span className="font-sans text-zinc-500">whole body</span>
                ) : (
                  row.key
                )}
              </td>
              <td className="px-3 py-1.5">
                <DiffOpBadge op={row.op} />
              </td>
              <td className="px-3 py-1.5 whitespace-pre-wrap wrap-anywhere">
                <Value value={row.before} />
              </td>
              <td className="px-3 py-1.5 whitespace-pre-wrap wrap-anywhere">
                <Value value={row.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
