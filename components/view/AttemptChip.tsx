interface AttemptChipProps {
  attempt: number | undefined;
  isDuplicate: boolean | undefined;
  /** Shown for first attempts too (detail pane); rows only flag repeats. */
  showFirst?: boolean;
}

/** "attempt 3" for retries of an analysis, "duplicate" for redeliveries after a 2xx. */
export function AttemptChip({ attempt, isDuplicate, showFirst = false }: AttemptChipProps) {
  if (attempt === undefined) return null;
  if (attempt <= 1 && !isDuplicate && !showFirst) return null;
  const style = isDuplicate
    ? "bg-violet-100 text-violet-800 dark:bg-violet-500/15 dark:text-violet-300"
    : attempt > 1
      ? "bg-amber-100 text-amber-800 dark:bg-amber-400/15 dark:text-amber-300"
      : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300";
  return (
    <span
      data-testid="attempt-chip"
      data-attempt={attempt}
      data-duplicate={isDuplicate ? "true" : "false"}
      title={
        isDuplicate
          ? `Attempt ${attempt}: sent again after an earlier attempt was answered 2xx`
          : `Attempt ${attempt} of this analysis`
      }
      className={`inline-flex items-center rounded px-1.5 py-px text-[11px] font-semibold whitespace-nowrap ${style}`}
    >
      {isDuplicate ? `duplicate #${attempt}` : `attempt ${attempt}`}
    </span>
  );
}
