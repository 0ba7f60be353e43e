import { memoizeFrozen } from "@/lib/capture/memoize-frozen";

const stringify = memoizeFrozen({ derive: (value) => JSON.stringify(value) as string });

/** JSON.stringify, made once per deeply frozen object (capture's shared answers and verdicts). */
export function toJsonText(value: unknown): string {
  return stringify(value);
}
