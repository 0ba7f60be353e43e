/** bins.json_schema (JSON text) back to the object the owner saved; null when unset or unreadable. */
export function readStoredJsonSchema({
  text,
}: {
  text: string | null;
}): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
