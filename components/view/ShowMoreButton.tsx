"use client";

/**
 * Under a long list that renders only its first items: how many are shown, and a button for
 * the next `step`. Bodies with tens of thousands of parts or fields froze the tab for seconds
 * when every one was rendered at once.
 */
export function ShowMoreButton({
  shown,
  total,
  step,
  noun,
  onMore,
}: {
  shown: number;
  total: number;
  step: number;
  /** Plural, e.g. "parts". */
  noun: string;
  onMore: () => void;
}) {
  if (shown >= total) return null;
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs text-zinc-500 dark:text-zinc-400">
      <span data-testid="show-more-status">
        Showing {shown.toLocaleString("en")} of {total.toLocaleString("en")} {noun}.
      </span>
      <button
        type="button"
        onClick={onMore}
        className="rounded-md border border-zinc-300 px-2 py-1 font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Show {Math.min(step, total - shown).toLocaleString("en")} more
      </button>
    </div>
  );
}
