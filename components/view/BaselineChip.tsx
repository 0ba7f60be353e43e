"use client";

import { useQuery } from "@tanstack/react-query";
import { countDiffChanges } from "@/components/view/count-diff-changes";
import { deliveryDiffQuery } from "@/components/view/delivery-diff-query";
import { useBaseline } from "@/components/view/use-baseline";
import { useSeen } from "@/components/view/use-seen";

const CHIP =
  "inline-flex items-center rounded px-1.5 py-px text-[11px] font-semibold whitespace-nowrap";

/**
 * A list row's comparison with the bin's baseline: "= baseline", "≠ 3 changes", or "baseline"
 * on the pinned row. Asks for the diff only once the row was on screen (cached by the pair).
 */
export function BaselineChip({ binId, deliveryId }: { binId: string; deliveryId: string }) {
  const { baselineId } = useBaseline({ binId });
  const [ref, seen] = useSeen<HTMLSpanElement>();
  const other = baselineId !== null && baselineId !== deliveryId;
  const { data, isError } = useQuery({
    ...deliveryDiffQuery({
      binId,
      deliveryId: baselineId ?? "",
      againstId: deliveryId,
    }),
    enabled: other && seen,
  });
  if (baselineId === null) return null;
  if (!other) {
    return (
      <span
        data-testid="baseline-chip"
        data-state="baseline"
        title="Pinned as the baseline: other deliveries are compared with this one"
        className={`${CHIP} bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300`}
      >
        baseline
      </span>
    );
  }
  const changes = data ? countDiffChanges({ diff: data }) : null;
  const [state, text, title, style] = !data
    ? isError
      ? ["error", "≠ ?", "Could not compare with the baseline", "bg-zinc-100 text-zinc-600"]
      : ["loading", "…", "Comparing with the baseline", "bg-zinc-100 text-zinc-500"]
    : changes === null
      ? [
          "equal",
          "= baseline",
          "Same body and headers as the baseline (apart from per-delivery ones: date, length, signatures, ids)",
          "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
        ]
      : [
          "different",
          `≠ ${changes}`,
          `Differs from the baseline: ${data.headers.length} header and ${data.body.changes.length}${data.body.truncated ? "+" : ""} body changes`,
          "bg-orange-100 text-orange-800 dark:bg-orange-500/15 dark:text-orange-300",
        ];
  return (
    <span
      ref={ref}
      data-testid="baseline-chip"
      data-state={state}
      title={title}
      className={`${CHIP} ${style}`}
    >
      {text}
      <span className="sr-only"> ({title})</span>
    </span>
  );
}
