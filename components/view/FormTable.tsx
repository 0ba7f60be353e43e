"use client";

import { useMemo, useState } from "react";
import { KeyValueTable } from "@/components/view/KeyValueTable";
import { ShowMoreButton } from "@/components/view/ShowMoreButton";
import { parseFormUrlencoded } from "@/lib/payload/parse-form-urlencoded";

// Rows rendered at first and per "Show more": 50,000 fields took the tab seconds to show.
const STEP = 500;

export function FormTable({ text }: { text: string }) {
  const rows = useMemo(
    () => parseFormUrlencoded({ text }).map(({ name, value }) => [name, value] as const),
    [text],
  );
  const [shown, setShown] = useState(STEP);
  if (rows.length === 0)
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">No form fields.</p>;
  return (
    <div className="flex flex-col gap-2">
      <KeyValueTable
        rows={rows.length > shown ? rows.slice(0, shown) : rows}
        testId="form-table"
        label="Form fields"
        nameHeading="Field"
      />
      <ShowMoreButton
        shown={Math.min(shown, rows.length)}
        total={rows.length}
        step={STEP}
        noun="fields"
        onMore={() => setShown((count) => count + STEP)}
      />
    </div>
  );
}
