/** The smallest UUIDv7 for a millisecond timestamp: `id > bound` means "received after". */
export function uuidLowerBound(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0").slice(-12);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

export function uuidTimestamp(id: string): number | null {
  const hex = id.replaceAll("-", "").slice(0, 12);
  return /^[0-9a-f]{12}$/i.test(hex) ? parseInt(hex, 16) : null;
}
