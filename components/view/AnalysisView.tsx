"use client";

import { MissingValue } from "@/components/view/MissingValue";
import { RevealedText } from "@/components/view/RevealedText";
import { useMemo, type ReactNode } from "react";
import { CopyButton } from "@/components/common/CopyButton";
import { RelativeTime } from "@/components/common/RelativeTime";
import { ResultCard } from "@/components/view/ResultCard";
import { TranscriptTimeline } from "@/components/view/TranscriptTimeline";
import type { AnalysisStatusKind } from "@/lib/analysis/analysis";
import { formatClock } from "@/lib/analysis/format-clock";
import { parseAnalysis } from "@/lib/analysis/parse-analysis";
import { planResultView } from "@/lib/analysis/plan-result-view";
import { stringifySafely } from "@/lib/payload/stringify-safely";

const STATUS_STYLES: Record<AnalysisStatusKind, string> = {
  completed:
    "bg-emerald-100 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-400/30",
  failed:
    "bg-rose-100 text-rose-800 ring-rose-600/20 dark:bg-rose-500/15 dark:text-rose-300 dark:ring-rose-400/30",
  other:
    "bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-600/40",
};

const RESULT_SECTIONS = ["compliance", "quality", "coaching"] as const;

// Strings in full (they are what was sent); anything else cut to a preview.
function preview(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  return stringifySafely({ value, maxChars: 500 });
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 text-[13px] break-words">{children}</dd>
    </div>
  );
}

/** A CallCov analysis callback read as a report: header, error, transcript, results, leftovers. */
export function AnalysisView({ value }: { value: unknown }) {
  const analysis = useMemo(() => parseAnalysis({ value }), [value]);
  const results = useMemo(
    () =>
      RESULT_SECTIONS.filter((key) => analysis.results[key] !== undefined).map((key) =>
        planResultView({ key, value: analysis.results[key] }),
      ),
    [analysis],
  );
  const otherFields = Object.entries(analysis.otherFields);
  const failed = analysis.statusKind === "failed";
  const created = analysis.created?.toISOString() ?? null;
  const hasTranscript = analysis.transcript.segments.length > 0 || analysis.transcript.text;

  return (
    <div data-testid="analysis-view" className="flex flex-col gap-5">
      <div className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <div className="flex flex-wrap items-center gap-2">
          <span
            data-testid="analysis-status"
            data-status={analysis.statusKind}
            className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-bold tracking-wide uppercase ring-1 ring-inset ${STATUS_STYLES[analysis.statusKind]}`}
          >
            {analysis.status === null ? "no status" : <RevealedText text={analysis.status} />}
          </span>
          <code data-testid="analysis-id" className="min-w-0 truncate text-sm font-semibold">
            {analysis.id === null ? "(no id)" : <RevealedText text={analysis.id} />}
          </code>
          {analysis.id && <CopyButton text={analysis.id} ariaLabel="Copy the analysis id" />}
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3">
          <Field label="Created">
            {created ? (
              <>
                {new Date(created).toLocaleString()}{" "}
                <span className="text-zinc-500 dark:text-zinc-400">
                  (<RelativeTime iso={created} />)
                </span>
              </>
            ) : (
              <MissingValue />
            )}
          </Field>
          <Field label="Agent">
            {analysis.agentId ? (
              <code>
                <RevealedText text={analysis.agentId} />
              </code>
            ) : (
              <MissingValue />
            )}
          </Field>
          <Field label="Contact">
            {analysis.contactId ? (
              <code>
                <RevealedText text={analysis.contactId} />
              </code>
            ) : (
              <MissingValue />
            )}
          </Field>
          <Field label="Duration">
            {analysis.audio.durationSeconds === null ? (
              <MissingValue />
            ) : (
              <span className="tabular-nums">
                {formatClock({ seconds: analysis.audio.durationSeconds })}
              </span>
            )}
          </Field>
          <Field label="Format">
            {analysis.audio.format === null ? (
              <MissingValue />
            ) : (
              <RevealedText text={analysis.audio.format} />
            )}
          </Field>
        </dl>
        {analysis.audio.url !== null && (
          <div className="flex min-w-0 items-center gap-2 text-[13px]">
            <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">Audio URL</span>
            {/* Text only: a captured URL is never a link and never loaded. */}
            <code
              data-testid="analysis-audio-url"
              className="min-w-0 flex-1 truncate text-xs select-all"
            >
              <RevealedText text={analysis.audio.url} />
            </code>
            <CopyButton text={analysis.audio.url} ariaLabel="Copy the audio URL" />
          </div>
        )}
      </div>

      {failed && (
        <div
          data-testid="analysis-error"
          role="alert"
          className="rounded-xl border border-rose-300 bg-rose-50 p-4 dark:border-rose-500/40 dark:bg-rose-500/10"
        >
          <p className="text-xs font-semibold tracking-wide text-rose-700 uppercase dark:text-rose-300">
            Analysis failed
          </p>
          <p className="mt-1 text-sm font-medium whitespace-pre-wrap wrap-anywhere text-rose-900 dark:text-rose-100">
            {analysis.errorMessage === null ? (
              "No error message was sent."
            ) : (
              <RevealedText text={analysis.errorMessage} />
            )}
          </p>
        </div>
      )}

      {hasTranscript && (
        <SubSection title="Transcript">
          <TranscriptTimeline
            segments={analysis.transcript.segments}
            text={analysis.transcript.text}
          />
        </SubSection>
      )}

      {!failed && (
        <SubSection title="Results">
          {results.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400 italic">
              No results in this analysis.
            </p>
          ) : (
            <div className="grid grid-cols-1 gap-3 xl:grid-cols-2 2xl:grid-cols-3">
              {results.map((plan) => (
                <ResultCard key={plan.label} plan={plan} />
              ))}
            </div>
          )}
        </SubSection>
      )}

      {otherFields.length > 0 && (
        <SubSection title={`Other fields (${otherFields.length})`}>
          <div
            data-testid="other-fields"
            className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
          >
            <table className="w-full text-left text-[13px]">
              <tbody className="divide-y divide-zinc-100 font-mono dark:divide-zinc-800/70">
                {otherFields.map(([path, field]) => (
                  <tr key={path} className="align-top">
                    <td className="w-1/3 px-3 py-1.5 font-medium wrap-anywhere text-zinc-700 dark:text-zinc-300">
                      <RevealedText text={path} />
                    </td>
                    <td className="px-3 py-1.5 whitespace-pre-wrap wrap-anywhere">
                      <RevealedText text={preview(field)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </SubSection>
      )}

      {analysis.problems.length > 0 && (
        <div
          data-testid="analysis-problems"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-[13px] text-amber-900 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-100"
        >
          <p className="font-semibold">
            {analysis.problems.length === 1
              ? "1 problem with this payload"
              : `${analysis.problems.length} problems with this payload`}
          </p>
          <ul className="mt-1 list-disc pl-5">
            {analysis.problems.map((problem, index) => (
              <li key={index} className="wrap-anywhere">
                {problem}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function SubSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <h4 className="text-sm font-semibold">{title}</h4>
      {children}
    </section>
  );
}
