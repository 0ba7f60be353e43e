import { RevealedText } from "@/components/view/RevealedText";
import { TextTable } from "@/components/view/TextTable";

interface KeyValueTableProps {
  rows: ReadonlyArray<readonly [string, string]>;
  testId: string;
  label: string;
  nameHeading?: string;
  valueHeading?: string;
}

/** Ordered name/value pairs as sent (duplicates kept), rendered as plain text with hidden characters revealed. */
export function KeyValueTable({
  rows,
  testId,
  label,
  nameHeading = "Name",
  valueHeading = "Value",
}: KeyValueTableProps) {
  return (
    <TextTable
      testId={testId}
      label={label}
      columns={[{ heading: nameHeading, width: "w-1/3" }, { heading: valueHeading }]}
    >
      {rows.map(([name, value], index) => (
        <tr key={index} className="align-top">
          <td className="px-3 py-1.5 font-medium whitespace-pre-wrap wrap-anywhere text-zinc-700 dark:text-zinc-300">
            <RevealedText text={name} />
          </td>
          <td className="px-3 py-1.5 whitespace-pre-wrap wrap-anywhere">
            {value === "" ? (
              <span className="text-zinc-500 italic dark:text-zinc-400">empty</span>
            ) : (
              <RevealedText text={value} />
            )}
          </td>
        </tr>
      ))}
    </TextTable>
  );
}
