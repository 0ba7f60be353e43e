import type { DiffOp } from "@/lib/diff/delivery-diff-schema";

const STYLE: Record<DiffOp, string> = {
  added: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  removed: "bg-rose-100 text-rose-800 dark:bg-rose-500/15 dark:text-rose-300",
  changed: "bg-amber-100 text-amber-800 dark:bg-amber-400/15 dark:text-amber-300",
};
const SYMBOL: Record<DiffOp, string> = { added: "+", removed: "−", changed: "~" };

/** "+ added", "− removed", "~ changed": a word and a sign, never colour alone. */
export function DiffOpBadge({ op }: { op: DiffOp }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-1.5 py-px font-sans text-[11px] font-semibold whitespace-nowrap ${STYLE[op]}`}
    >
      <span aria-hidden="true">{SYMBOL[op]}</span>
      {op}
    </span>
  );
}
