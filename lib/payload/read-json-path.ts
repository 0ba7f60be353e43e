export type JsonPathValue = { found: true; value: unknown } | { found: false };

/**
 * The value at a dot path (`data.items.0.id`, optionally `$.`-prefixed) in a parsed JSON value:
 * keys are own properties only (no prototype lookups), numbers index arrays.
 */
export function readJsonPath({ value, path }: { value: unknown; path: string }): JsonPathValue {
  const keys = path.startsWith("$.") ? path.slice(2) : path === "$" ? "" : path;
  let current = value;
  if (keys === "") return { found: true, value: current };
  for (const key of keys.split(".")) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d{0,8})$/.test(key)) return { found: false };
      const index = Number(key);
      if (index >= current.length) return { found: false };
      current = current[index];
    } else if (typeof current === "object" && current !== null) {
      if (!Object.hasOwn(current, key)) return { found: false };
      current = (current as Record<string, unknown>)[key];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}
