import { readDatabaseErrorCodes } from "@/lib/database/read-database-error-codes";

// PostgreSQL's lock_not_available: what `lock_timeout` raises.
const LOCK_NOT_AVAILABLE = "55P03";

/** True when PostgreSQL gave up waiting for a lock at the statement's lock_timeout. */
export function isLockTimeout(error: unknown): boolean {
  return readDatabaseErrorCodes(error).sqlState === LOCK_NOT_AVAILABLE;
}
