// Deeply frozen objects cannot change, and the ones capture serializes are shared (a bin's
// planned answer, made once per cached settings object), so their text is made once. A
// WeakMap lets them go with the settings they came from.
const texts = new WeakMap<object, string>();

function isDeeplyFrozen(value: object, depth = 0): boolean {
  if (!Object.isFrozen(value) || depth > 8) return false;
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === "object" && !isDeeplyFrozen(child, depth + 1)) {
      return false;
    }
  }
  return true;
}

/** JSON.stringify, made once per deeply frozen object: a row's answer plan is usually shared. */
export function toJsonText(value: unknown): string {
  if (value === null || typeof value !== "object" || !Object.isFrozen(value)) {
    return JSON.stringify(value);
  }
  let text = texts.get(value);
  if (text !== undefined) return text;
  text = JSON.stringify(value);
  // Frozen for good once deeply frozen, so the text stays true.
  if (isDeeplyFrozen(value)) texts.set(value, text);
  return text;
}
