import { DiffChangesTable } from "@/components/view/DiffChangesTable";
import type { DeliveryDiff } from "@/lib/deliveries/diff-deliveries.types";

const KIND_NOTE = {
  json: "Body compared as JSON (key order and whitespace ignored; paths are JSON Pointers).",
  text: "Body compared as text, line by line (L<n>: line numbers).",
  binary: "Body compared as bytes (size and SHA-256).",
} as const;

const LIMIT_NOTE = {
  changes: "Only the first changes are listed.",
  size: "A body is too large to compare in detail: compared by size and SHA-256 only.",
  effort: "The bodies are too different (or too deep) to compare in detail.",
} as const;

/** One diff, readable: header changes, then body changes with their paths, before and after. */
export function DeliveryDiffView({ diff }: { diff: DeliveryDiff }) {
  const { headers, body } = diff;
  if (headers.length === 0 && body.changes.length === 0) {
    return (
      <p data-testid="diff-equal" className="text-sm text-emerald-700 dark:text-emerald-400">
        Same headers and body.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <p data-testid="diff-summary" className="text-[13px] text-zinc-600 dark:text-zinc-300">
        {headers.length} header change{headers.length === 1 ? "" : "s"} · {body.changes.length}
        {body.truncated ? "+" : ""} body change{body.changes.length === 1 ? "" : "s"} ({body.kind})
      </p>
      {headers.length > 0 && (
        <DiffChangesTable
          testId="diff-headers"
          label="Header changes"
          keyHeading="Header"
          rows={headers.map(({ name, op, before, after }) => ({ key: name, op, before, after }))}
        />
      )}
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{KIND_NOTE[body.kind]}</p>
      {body.changes.length > 0 ? (
        <DiffChangesTable
          testId="diff-body"
          label="Body changes"
          keyHeading={body.kind === "text" ? "Lines" : "Path"}
          rows={body.changes.map(({ path, op, before, after }) => ({
            key: path,
            op,
            before,
            after,
          }))}
        />
      ) : (
        <p className="text-[13px] text-zinc-600 dark:text-zinc-300">The bodies are the same.</p>
      )}
      {body.limit && (
        <p
          role="note"
          data-testid="diff-limit"
          className="text-xs text-amber-700 dark:text-amber-300"
        >
          {LIMIT_NOTE[body.limit]}
        </p>
      )}
    </div>
  );
}
