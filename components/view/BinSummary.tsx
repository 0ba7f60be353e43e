import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import type { PublicBin } from "@/lib/bins/public-bin";
import { describeSimulatedResponse } from "@/lib/payload/describe-simulated-response";

interface BinSummaryProps {
  settings: BinSettingsState;
  bin: PublicBin | null;
}

/** What anyone viewing the bin should know: what it answers, how long it keeps, what it refused. */
export function BinSummary({ settings, bin }: BinSummaryProps) {
  const custom = settings.response !== null || (settings.failFirst?.count ?? 0) > 0;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
      <span
        data-testid="response-summary"
        className={
          custom
            ? "rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-900 dark:bg-amber-400/10 dark:text-amber-200"
            : "hidden sm:inline"
        }
      >
        {describeSimulatedResponse(settings)}
      </span>
      {bin && (
        <span data-testid="bin-limits" className="hidden whitespace-nowrap sm:inline">
          Kept {bin.limits.retentionDays.toLocaleString()} day
          {bin.limits.retentionDays === 1 ? "" : "s"} · newest{" "}
          {bin.limits.maxDeliveriesPerBin.toLocaleString()}
        </span>
      )}
      {bin && bin.rejectedCount > 0 && (
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
