import type { ConformanceSummary } from "@/lib/conformance/conformance-schema";

const STYLES = {
  valid:
    "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-500/10 dark:text-emerald-300 dark:ring-emerald-400/30",
  invalid:
    "bg-rose-50 text-rose-800 ring-rose-600/20 dark:bg-rose-500/10 dark:text-rose-300 dark:ring-rose-400/30",
};

/**
 * "schema ✓" / "schema ✗" for rows whose body a schema applies to: the mark and the hidden text
 * say it, the colour only repeats it. Nothing for bodies no schema applies to.
 */
export function ConformanceBadge({ conformance }: { conformance: ConformanceSummary }) {
  if (!conformance) return null;
  const verdict = conformance.valid ? "valid" : "invalid";
  const description = conformance.valid
    ? `conforms to ${conformance.schema}`
    : `does not conform to ${conformance.schema}`;
  return (
    <span
      data-testid="conformance-badge"
      data-valid={conformance.valid ? "true" : "false"}
      title={`Body ${description}`}
      className={`inline-flex items-center rounded px-1.5 py-px text-[11px] font-semibold whitespace-nowrap ring-1 ring-inset ${STYLES[verdict]}`}
    >
      <span aria-hidden="true">schema {conformance.valid ? "✓" : "✗"}</span>
      <span className="sr-only">Body {description}</span>
    </span>
  );
}
