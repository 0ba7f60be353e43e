import { RESPOND_TIMEOUT_MS } from "@/lib/bins/bin-settings-schema";
import type { PublicBin } from "@/lib/bins/public-bin";

/**
 * "Local app answering": a `webhook-echo forward --respond` is connected, so senders get the
 * local app's answer (within the bin's wait) instead of the bin's own. Re-read on every
 * bin-changed event, which the forwarder's connect and disconnect publish.
 */
export function ForwardRespondingChip({ bin }: { bin: PublicBin | null }) {
  if (!bin?.forwardResponding) return null;
  const seconds = (bin.respondTimeoutMs ?? RESPOND_TIMEOUT_MS.default) / 1000;
  const sentence = `A local app is answering through webhook-echo forward --respond: captures wait up to ${seconds} s for its answer, then get the bin's own answer.`;
  return (
    <span
      data-testid="forward-responding"
      title={sentence}
      className="inline-flex shrink-0 items-center gap-1.5 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-200"
    >
      <span
        aria-hidden="true"
        className="size-1.5 rounded-full bg-emerald-600 dark:bg-emerald-400"
      />
      <span aria-hidden="true">Local app answering</span>
      <span className="sr-only">{sentence}</span>
    </span>
  );
}
