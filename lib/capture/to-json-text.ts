import { isDeeplyFrozen } from "@/lib/capture/is-deeply-frozen";

// The deeply frozen objects capture serializes are shared (a bin's planned answer, made once
// per cached settings object; a verdict without a secret), so their text is made once. A
// WeakMap lets them go with the settings they came from.
const texts = new WeakMap<object, string>();

/** JSON.stringify, made once per deeply frozen object. */
export function toJsonText(value: unknown): string {
  if (value === null || typeof value !== "object" || !Object.isFrozen(value)) {
    return JSON.stringify(value);
  }
  let text = texts.get(value);
  if (text !== undefined) return text;
  text = JSON.stringify(value);
  if (isDeeplyFrozen({ value })) texts.set(value, text);
  return text;
}
