import type { ListedDelivery } from "@/components/view/listed-delivery";
import { RevealedText } from "@/components/view/RevealedText";
import { shortAnalysisId } from "@/lib/analysis/short-analysis-id";

const STATUS_STYLES: Record<string, string> = {
  completed: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  failed: "bg-rose-100 text-rose-800 dark:bg-rose-500/15 dark:text-rose-300",
};
const OTHER_STATUS = "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";

/**
 * What tells one delivery from the next: for a CallCov analysis its status, short id and agent;
 * for other JSON the bin's summary field (owner setting), when set. Captured values are only
 * ever text content, never attribute values (hostile-payloads.test.ts checks the whole page).
 */
export function RowSummary({ delivery }: { delivery: ListedDelivery }) {
  if (delivery.analysisId !== null) {
    const status = delivery.analysisStatus;
    return (
      <span data-testid="row-analysis" className="flex min-w-0 flex-1 items-center gap-1.5">
        {status !== null && (
          <span
            data-testid="row-analysis-status"
            className={`shrink-0 rounded px-1.5 py-px text-[11px] font-semibold ${STATUS_STYLES[status.toLowerCase()] ?? OTHER_STATUS}`}
          >
            <RevealedText text={status} />
          </span>
        )}
        <span
          data-testid="row-analysis-id"
          className="shrink-0 font-mono text-zinc-700 dark:text-zinc-300"
        >
          {shortAnalysisId({ id: delivery.analysisId })}
        </span>
        {delivery.analysisAgent !== null && (
          <span
            data-testid="row-analysis-agent"
            className="min-w-0 truncate text-zinc-600 dark:text-zinc-400"
          >
            <RevealedText text={delivery.analysisAgent} />
          </span>
        )}
      </span>
    );
  }
  if (delivery.summaryField) {
    const { path, value } = delivery.summaryField;
    return (
      <span
        data-testid="row-summary-field"
        className="min-w-0 flex-1 truncate text-zinc-700 dark:text-zinc-300"
      >
        <span className="text-zinc-600 dark:text-zinc-400">
          <RevealedText text={path} />
        </span>{" "}
        <span className="font-mono">
          <RevealedText text={value} />
        </span>
      </span>
    );
  }
  return <span className="flex-1" />;
}
