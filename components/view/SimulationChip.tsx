import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import { describeSimulatedResponse } from "@/lib/payload/describe-simulated-response";
import { isSimulatedResponse } from "@/lib/payload/is-simulated-response";

/**
 * The active simulation as a compact chip ("Simulating 503"), its full sentence one hover or
 * one screen-reader pass away; the default answer shows no chip (the sentence stays for AT).
 */
export function SimulationChip({ settings }: { settings: BinSettingsState }) {
  const sentence = describeSimulatedResponse(settings);
  if (!isSimulatedResponse(settings)) {
    return (
      <span data-testid="response-summary" className="sr-only">
        {sentence}
      </span>
    );
  }
  const failFirst = settings.failFirst && settings.failFirst.count > 0 ? settings.failFirst : null;
  const chaosRate = settings.chaos?.failureRate ?? 0;
  const short = [
    settings.gone ? "gone 410" : null,
    chaosRate > 0 ? `chaos ${Math.round(chaosRate * 1000) / 10}%` : null,
    settings.rules.length > 0
      ? `${settings.rules.length} rule${settings.rules.length === 1 ? "" : "s"}`
      : null,
    settings.response ? `answers ${settings.response.status ?? 200}` : null,
    failFirst ? `fail-first ${failFirst.count}×${failFirst.status}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <span
      data-testid="response-summary"
      title={sentence}
      className="inline-flex shrink-0 items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-amber-900 dark:bg-amber-400/15 dark:text-amber-200"
    >
      <span aria-hidden="true">Simulating {short}</span>
      <span className="sr-only">{sentence}</span>
    </span>
  );
}
