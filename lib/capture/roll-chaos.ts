import type { ChaosSettings } from "@/lib/bins/bin-settings-schema";

/**
 * Whether this capture fails under chaos testing, and with which status: `failureRate` of
 * draws fail, each listed status equally likely. `random` is injected (Math.random in capture)
 * so tests are deterministic; it is called at most twice.
 */
export function rollChaos({
  chaos,
  random,
}: {
  chaos: ChaosSettings | null | undefined;
  random: () => number;
}): number | null {
  if (!chaos || chaos.failureRate <= 0 || chaos.statuses.length === 0) return null;
  if (random() >= chaos.failureRate) return null;
  const pick = Math.min(chaos.statuses.length - 1, Math.floor(random() * chaos.statuses.length));
  return chaos.statuses[pick] ?? null;
}
