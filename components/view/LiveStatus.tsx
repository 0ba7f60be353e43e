import type { LiveStatus as LiveStatusValue } from "@/components/view/use-live-deliveries";

const LABELS: Record<LiveStatusValue, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
};

export function LiveStatus({ status }: { status: LiveStatusValue }) {
  const dot =
    status === "live"
      ? "bg-emerald-500"
      : status === "reconnecting"
        ? "bg-amber-500"
        : "bg-zinc-400";
  return (
    <span
      role="status"
      aria-label={`Live updates: ${LABELS[status]}`}
      className="inline-flex items-center gap-1.5 rounded-full border border-zinc-200 px-2.5 py-1 text-xs font-medium dark:border-zinc-800"
    >
      <span className="relative flex size-2">
        {status === "live" && (
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60" />
        )}
        <span className={`relative inline-flex size-2 rounded-full ${dot}`} />
      </span>
      <span data-testid="live-status">{LABELS[status]}</span>
    </span>
  );
}
