import type { TimelineEntry } from "@/components/view/delivery-detail";
import { StatusCode } from "@/components/view/StatusCode";
import { formatGap } from "@/lib/analysis/format-gap";
import { RETRY_SCHEDULE_SECONDS } from "@/lib/analysis/retry-schedule";

interface RetryTimelineProps {
  entries: TimelineEntry[];
  currentId: string;
  onSelect: (deliveryId: string) => void;
}

const KIND_LABELS: Record<TimelineEntry["kind"], string> = {
  first: "first delivery",
  retry: "retry",
  duplicate: "duplicate",
};

function scheduleNote(entry: TimelineEntry): { text: string; tone: string } {
  if (entry.kind === "first") return { text: "", tone: "" };
  if (entry.kind === "duplicate") {
    return {
      text: "sent again after a 2xx answer",
      tone: "text-violet-700 dark:text-violet-300",
    };
  }
  if (entry.expectedGapSeconds === null) {
    return { text: "past the documented schedule", tone: "text-zinc-500 dark:text-zinc-400" };
  }
  const expected = `schedule: ${formatGap({ seconds: entry.expectedGapSeconds })}`;
  if (entry.matchesSchedule === true) {
    return { text: `✓ ${expected}`, tone: "text-emerald-700 dark:text-emerald-400" };
  }
  return { text: `✗ ${expected}`, tone: "text-amber-700 dark:text-amber-400" };
}

/** Every delivery of one analysis, with its gap against CallCov's retry schedule. */
export function RetryTimeline({ entries, currentId, onSelect }: RetryTimelineProps) {
  return (
    <div className="flex flex-col gap-2">
      <ol
        data-testid="retry-timeline"
        className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800"
      >
        {entries.map((entry) => {
          const note = scheduleNote(entry);
          const current = entry.deliveryId === currentId;
          return (
            <li
              key={entry.deliveryId}
              data-testid="retry-timeline-row"
              data-attempt={entry.attempt}
              data-kind={entry.kind}
              className="border-b border-zinc-100 last:border-b-0 dark:border-zinc-800/70"
            >
              <button
                type="button"
                onClick={() => onSelect(entry.deliveryId)}
                aria-current={current ? "true" : undefined}
                className={`grid w-full grid-cols-[4.5rem_1fr_auto] items-baseline gap-x-3 px-3 py-1.5 text-left text-[13px] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 ${
                  current
                    ? "bg-sky-50 dark:bg-sky-500/10"
                    : "hover:bg-zinc-50 dark:hover:bg-zinc-900"
                }`}
              >
                <span className="font-semibold">#{entry.attempt}</span>
                <span className="flex min-w-0 flex-col">
                  <span>
                    {new Date(entry.receivedAt).toLocaleString()}{" "}
                    <span className="text-zinc-500 dark:text-zinc-400">
                      · {KIND_LABELS[entry.kind]}
                    </span>
                  </span>
                  {entry.gapSeconds !== null && (
                    <span className="text-xs text-zinc-500 dark:text-zinc-400">
                      {formatGap({ seconds: entry.gapSeconds })} after #{entry.attempt - 1}
                      {note.text && <span className={`ml-2 ${note.tone}`}>{note.text}</span>}
                    </span>
                  )}
                </span>
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  answered{" "}
                  {entry.responseStatus === null ? (
                    "nothing"
                  ) : (
                    <StatusCode status={entry.responseStatus} />
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        CallCov retries a non-2xx answer after{" "}
        {RETRY_SCHEDULE_SECONDS.map((seconds) => formatGap({ seconds })).join(", ")}, then gives up.
      </p>
    </div>
  );
}
