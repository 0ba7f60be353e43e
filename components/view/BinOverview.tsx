"use client";

import { useState } from "react";
import { answerMixRows } from "@/components/view/answer-mix-rows";
import { DeliveriesOverTimeChart } from "@/components/view/DeliveriesOverTimeChart";
import { lumpAttempts } from "@/components/view/lump-attempts";
import { MixChart } from "@/components/view/MixChart";
import type { MixRow } from "@/components/view/mix-row";
import { RetryScheduleChart } from "@/components/view/RetryScheduleChart";
import { useBinStats } from "@/components/view/use-bin-stats";
import type { StatsWindow, VerdictMix } from "@/lib/deliveries/get-bin-stats.types";

const WINDOWS: ReadonlyArray<{ value: StatsWindow; button: string; label: string }> = [
  { value: "1h", button: "1 hour", label: "the last hour" },
  { value: "24h", button: "24 hours", label: "the last 24 hours" },
  { value: "7d", button: "7 days", label: "the last 7 days" },
];

const VERDICTS: ReadonlyArray<{ key: keyof VerdictMix; label: string; fill: string }> = [
  { key: "valid", label: "valid", fill: "fill-emerald-500" },
  { key: "invalid", label: "invalid", fill: "fill-rose-500" },
  { key: "missing", label: "unsigned", fill: "fill-zinc-400" },
  { key: "no_secret", label: "no secret set", fill: "fill-amber-500" },
  { key: "unjudged", label: "not judged yet", fill: "fill-zinc-300" },
];

/**
 * The bin's health at a glance (the CallCov guide's "Monitoring Webhooks"): deliveries over
 * time, what we answered, signature verdicts, attempts per analysis and the time between
 * attempts against CallCov's retry schedule. Loaded only when opened (see OverviewButton).
 */
export function BinOverview({ binId }: { binId: string }) {
  const [window, setWindow] = useState<StatsWindow>("24h");
  const query = useBinStats({ binId, window });
  const stats = query.data;
  const windowLabel = WINDOWS.find((option) => option.value === window)!.label;

  return (
    <div data-testid="bin-overview" className="relative flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div
          role="group"
          aria-label="Time window"
          className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700"
        >
          {WINDOWS.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={option.value === window}
              onClick={() => setWindow(option.value)}
              className="rounded px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:text-zinc-200 dark:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
            >
              {option.button}
            </button>
          ))}
        </div>
        <span aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
          {query.isFetching ? "Updating…" : ""}
        </span>
      </div>

      {query.isError && !stats && (
        <div role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {query.error.message}{" "}
          <button type="button" onClick={() => void query.refetch()} className="underline">
            Try again
          </button>
        </div>
      )}
      {!stats && !query.isError && (
        <div
          aria-busy="true"
          className="h-64 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900"
        />
      )}
      {stats && (
        <>
          <p data-testid="stats-summary" className="text-sm text-zinc-700 dark:text-zinc-300">
            <strong>{stats.total}</strong> {stats.total === 1 ? "delivery" : "deliveries"} in{" "}
            {windowLabel}
            {stats.total > 0 && (
              <>
                , <strong>{Math.round((stats.answers["2xx"] / stats.total) * 100)}%</strong>{" "}
                answered 2xx
              </>
            )}
            {stats.retries.analyses > 0 && (
              <>
                ; <strong>{stats.retries.analyses}</strong> CallCov{" "}
                {stats.retries.analyses === 1 ? "analysis" : "analyses"},{" "}
                <strong>{stats.retries.retries}</strong>{" "}
                {stats.retries.retries === 1 ? "retry" : "retries"},{" "}
                <strong>{stats.retries.duplicates}</strong>{" "}
                {stats.retries.duplicates === 1 ? "duplicate" : "duplicates"}
              </>
            )}
            .
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            <DeliveriesOverTimeChart stats={stats} windowLabel={windowLabel} />
            <MixChart
              title="Our answers"
              testId="stats-answers"
              rows={answerMixRows({ answers: stats.answers })}
              note="status classes we answered"
            />
            <MixChart
              title="Signatures"
              testId="stats-signatures"
              rows={VERDICTS.map((verdict) => ({
                ...verdict,
                value: stats.signatures[verdict.key],
              }))}
              note="under the current secret"
            />
            <MixChart
              title="Attempts per analysis"
              testId="stats-attempts"
              rows={lumpAttempts({ rows: stats.retries.attemptsPerAnalysis }).map(
                (row): MixRow => ({
                  key: String(row.attempts),
                  label: row.label,
                  value: row.analyses,
                  fill: row.attempts === 1 ? "fill-emerald-500" : "fill-amber-500",
                }),
              )}
              note="CallCov gives up after 6"
            />
            <RetryScheduleChart retries={stats.retries} />
          </div>
        </>
      )}
    </div>
  );
}
