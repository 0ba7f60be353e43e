import { isDeeplyFrozen } from "@/lib/capture/is-deeply-frozen";

/**
 * `derive`, kept per deeply frozen object: such a value cannot change, so neither can what is
 * derived from it. Capture's shared values (a bin's planned answer, made once per cached
 * settings object; a verdict without a secret) are serialized and storage-checked once this
 * way. Anything else, a frozen object with a mutable part included, is derived every time. A
 * WeakMap lets the values go with the settings they came from.
 */
export function memoizeFrozen<R>({
  derive,
}: {
  derive: (value: unknown) => R;
}): (value: unknown) => R {
  const kept = new WeakMap<object, R>();
  return (value) => {
    if (value === null || typeof value !== "object" || !Object.isFrozen(value)) {
      return derive(value);
    }
    const hit = kept.get(value);
    if (hit !== undefined || kept.has(value)) return hit as R;
    const result = derive(value);
    if (isDeeplyFrozen({ value })) kept.set(value, result);
    return result;
  };
}
