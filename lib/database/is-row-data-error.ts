import { readDatabaseErrorCodes } from "@/lib/database/read-database-error-codes";

/**
 * True when PostgreSQL refused the data itself (SQLSTATE class 22 "data exception" or 23
 * "integrity constraint violation", e.g. 22021 a NUL byte, 22001 too long, 22P05 \u0000 in
 * jsonb): retrying without the offending row succeeds. Connection, resource and shutdown
 * errors (classes 08, 53, 57, ...) are outages, not this.
 */
export function isRowDataError(error: unknown): boolean {
  const state = readDatabaseErrorCodes(error).sqlState;
  return state !== null && (state.startsWith("22") || state.startsWith("23"));
}
