import type { PublicBin } from "@/lib/bins/public-bin";

/** What anyone viewing the bin should know besides its answer: how long it keeps, what it refused. */
export function BinSummary({ bin }: { bin: PublicBin | null }) {
  if (!bin) return null;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      <span data-testid="bin-limits" className="hidden whitespace-nowrap sm:inline">
        Kept {bin.limits.retentionDays.toLocaleString()} day
        {bin.limits.retentionDays === 1 ? "" : "s"} · newest{" "}
        {bin.limits.maxDeliveriesPerBin.toLocaleString()}
      </span>
      {bin.rejectedCount > 0 && (
        <span
          data-testid="rejected-count"
          className="rounded bg-rose-50 px-1.5 py-0.5 font-medium whitespace-nowrap text-rose-800 dark:bg-rose-500/10 dark:text-rose-300"
        >
          {bin.rejectedCount.toLocaleString()} rejected (rate limit)
        </span>
      )}
    </div>
  );
}
