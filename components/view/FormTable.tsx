import { useMemo } from "react";
import { KeyValueTable } from "@/components/view/KeyValueTable";
import { parseFormUrlencoded } from "@/lib/payload/parse-form-urlencoded";

export function FormTable({ text }: { text: string }) {
  const rows = useMemo(
    () => parseFormUrlencoded({ text }).map(({ name, value }) => [name, value] as const),
    [text],
  );
  if (rows.length === 0)
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">No form fields.</p>;
  return <KeyValueTable rows={rows} testId="form-table" label="Form fields" nameHeading="Field" />;
}
