// Payload sections must be key/value maps; arrays and null are typeof "object" too. Returns the
// value itself (typed) rather than a boolean because type guards can't narrow a destructured
// options object.
export function toRecord({ value }: { value: unknown }): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
