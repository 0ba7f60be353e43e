import { DiffOpBadge } from "@/components/view/DiffOpBadge";
import { RevealedText } from "@/components/view/RevealedText";
import { TextTable } from "@/components/view/TextTable";
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
  // Both sides come from payloads: a bidi control must not make them read alike or apart, and
  // a change in whitespace alone (a CR, a trailing space, a no-break space) must show.
  return <RevealedText text={value} whitespace />;
}

/**
 * Changes as a table: what (header or path), the kind of change, before and after, as text with
 * hidden characters named (RevealedText).
 */
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
    <TextTable
      testId={testId}
      label={label}
      columns={[
        { heading: keyHeading, width: "w-1/4" },
        { heading: "Change" },
        { heading: "Before", width: "w-1/3" },
        { heading: "After", width: "w-1/3" },
      ]}
    >
      {rows.map((row, index) => (
        <tr key={index} data-op={row.op} className="align-top">
          <td className="px-3 py-1.5 font-medium whitespace-pre-wrap wrap-anywhere text-zinc-700 dark:text-zinc-300">
            {row.key === "" ? (
              <span className="font-sans text-zinc-500">whole body</span>
            ) : (
              <RevealedText text={row.key} />
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
    </TextTable>
  );
}
