import { readDatabaseErrorCodes } from "@/lib/database/read-database-error-codes";

// lock_not_available (what `lock_timeout` raises) and deadlock_detected.
const LOCK_CONFLICTS = new Set(["55P03", "40P01"]);

/**
 * True when PostgreSQL gave up on a transaction over a lock: it waited past its lock_timeout,
 * or it was the one chosen to break a deadlock. Either way nothing of it was kept.
 */
export function isLockConflict(error: unknown): boolean {
  return LOCK_CONFLICTS.has(readDatabaseErrorCodes(error).sqlState ?? "");
}
