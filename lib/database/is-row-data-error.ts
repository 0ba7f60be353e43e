/** The SQLSTATE of a pg error, or of one Prisma wrapped (raw query through the pg adapter). */
function sqlState(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  // Prisma's own code (P2010 "raw query failed") comes first on its errors: look past it.
  const candidates = [
    (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta
      ?.driverAdapterError?.cause?.originalCode,
    (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown } } } }).meta
      ?.driverAdapterError?.cause?.code,
    (error as { cause?: { originalCode?: unknown } }).cause?.originalCode,
    (error as { code?: unknown }).code,
  ];
  for (const code of candidates) {
    if (typeof code === "string" && /^[0-9][0-9A-Z]{4}$/.test(code)) return code;
  }
  return null;
}

/**
 * True when PostgreSQL refused the data itself (SQLSTATE class 22 "data exception" or 23
 * "integrity constraint violation", e.g. 22021 a NUL byte, 22001 too long, 22P05 \u0000 in
 * jsonb): retrying without the offending row succeeds. Connection, resource and shutdown
 * errors (classes 08, 53, 57, ...) are outages, not this.
 */
export function isRowDataError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== null && (state.startsWith("22") || state.startsWith("23"));
}
