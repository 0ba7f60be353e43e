import { MissingValue } from "@/components/view/MissingValue";
import { RevealedText } from "@/components/view/RevealedText";
import { useId, type ReactNode } from "react";
import type { ResultViewPlan } from "@/lib/analysis/result-view-plan";
import { stringifySafely } from "@/lib/payload/stringify-safely";

function formatCell(cell: unknown): string {
  if (cell === undefined || cell === null) return "—";
  if (typeof cell === "boolean") return cell ? "✓ yes" : "✗ no";
  if (typeof cell === "number") return cell.toLocaleString();
  return String(cell);
}

function Block({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-1">
      <span className="text-zinc-600 dark:text-zinc-400">
        <RevealedText text={label} />
      </span>
      {children}
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1">
      <span className="min-w-0 text-zinc-600 dark:text-zinc-400">
        <RevealedText text={label} />
      </span>
      <span className="min-w-0 text-right font-medium break-words">{children}</span>
    </div>
  );
}

function Label({ children }: { children: ReactNode }) {
  return (
    <div className="pt-2 pb-1 text-xs font-semibold text-zinc-500 dark:text-zinc-400">
      {children}
    </div>
  );
}

function ScoreBar({ plan }: { plan: Extract<ResultViewPlan, { kind: "scoreBar" }> }) {
  const labelId = useId();
  const ratio = Math.max(0, Math.min(1, plan.value / plan.max));
  const colour = ratio >= 0.8 ? "bg-emerald-500" : ratio >= 0.5 ? "bg-amber-500" : "bg-rose-500";
  return (
    <div className="py-1">
      <div className="flex items-baseline justify-between gap-3">
        <span id={labelId} className="text-zinc-600 dark:text-zinc-400">
          <RevealedText text={plan.label} />
        </span>
        <span className="font-medium tabular-nums">{plan.display}</span>
      </div>
      <div
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={plan.max}
        aria-valuenow={plan.value}
        className="mt-1 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className={`h-full rounded-full ${colour}`} style={{ width: `${ratio * 100}%` }} />
      </div>
    </div>
  );
}

function ResultNode({ plan, depth }: { plan: ResultViewPlan; depth: number }) {
  switch (plan.kind) {
    case "section":
      return (
        <div
          className={depth > 0 ? "mt-1 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700" : ""}
        >
          {depth > 0 && (
            <Label>
              <RevealedText text={plan.label} />
            </Label>
          )}
          {plan.children.length === 0 ? (
            <p className="py-1 text-zinc-500 dark:text-zinc-400 italic">empty</p>
          ) : (
            plan.children.map((child, index) => (
              <ResultNode key={index} plan={child} depth={depth + 1} />
            ))
          )}
        </div>
      );
    case "passFail":
      return (
        <Row label={plan.label}>
          <span
            data-testid="result-pass-fail"
            data-passed={plan.passed ? "true" : "false"}
            className={`inline-flex rounded px-1.5 py-px text-xs font-semibold ${
              plan.passed
                ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300"
                : "bg-rose-100 text-rose-800 dark:bg-rose-500/15 dark:text-rose-300"
            }`}
          >
            {plan.passed ? "✓ Pass" : "✗ Fail"}
          </span>
        </Row>
      );
    case "scoreBar":
      return <ScoreBar plan={plan} />;
    case "number":
      return (
        <Row label={plan.label}>
          <span className="tabular-nums">{plan.value.toLocaleString()}</span>
        </Row>
      );
    case "list":
      return (
        <Block label={plan.label}>
          {plan.items.length === 0 ? (
            <p className="text-zinc-500 dark:text-zinc-400 italic">none</p>
          ) : (
            <ul className="mt-1 list-disc space-y-0.5 pl-5 marker:text-zinc-500">
              {plan.items.map((item, index) => (
                <li key={index} className="break-words">
                  <RevealedText text={item} />
                </li>
              ))}
            </ul>
          )}
        </Block>
      );
    case "table":
      return (
        <Block label={plan.label}>
          <div className="mt-1 overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
            <table className="w-full text-left text-xs">
              <thead className="bg-zinc-50 text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
                <tr>
                  {plan.columns.map((column, index) => (
                    <th key={index} scope="col" className="px-2 py-1 font-medium">
                      <RevealedText text={column} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
                {plan.rows.map((row, rowIndex) => (
                  <tr key={rowIndex} className="align-top">
                    {row.map((cell, cellIndex) => (
                      <td
                        key={cellIndex}
                        className={`px-2 py-1 break-words ${
                          cell === true
                            ? "text-emerald-700 dark:text-emerald-400"
                            : cell === false
                              ? "text-rose-700 dark:text-rose-400"
                              : ""
                        }`}
                      >
                        <RevealedText text={formatCell(cell)} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Block>
      );
    case "text":
      return plan.value.length > 40 ? (
        <Block label={plan.label}>
          <p className="mt-0.5 whitespace-pre-wrap wrap-anywhere">
            <RevealedText text={plan.value} />
          </p>
        </Block>
      ) : (
        <Row label={plan.label}>
          <RevealedText text={plan.value} />
        </Row>
      );
    case "empty":
      return (
        <Row label={plan.label}>
          <MissingValue />
        </Row>
      );
    case "json":
      return (
        <Block label={plan.label}>
          <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap wrap-anywhere dark:bg-zinc-900">
            {stringifySafely({ value: plan.value, indent: 2 })}
          </pre>
        </Block>
      );
  }
}

/** One results section (compliance, quality, coaching…) drawn from its render plan. */
export function ResultCard({ plan }: { plan: ResultViewPlan }) {
  return (
    <section
      data-testid="result-card"
      data-kind={plan.kind}
      aria-label={plan.label}
      className="flex min-w-0 flex-col rounded-xl border border-zinc-200 bg-white p-4 text-[13px] shadow-sm dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <h4 className="mb-1 text-sm font-semibold">
        <RevealedText text={plan.label} />
      </h4>
      {plan.kind === "section" ? (
        <ResultNode plan={plan} depth={0} />
      ) : (
        <ResultNode plan={plan} depth={1} />
      )}
    </section>
  );
}
