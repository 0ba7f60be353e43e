import { readDatabaseErrorCodes } from "@/lib/database/read-database-error-codes";

// Prisma: can't reach the server, connect timed out, operation timed out, server closed the
// connection, pool timeout.
const PRISMA_OUTAGE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

// @prisma/adapter-pg's kinds for socket and resource failures (its convertDriverError).
const ADAPTER_OUTAGE = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionWriteConflict",
]);

// node's socket errors on the way to the database.
const ERRNO_OUTAGE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

// pg 8 and pg-pool raise these with no code at all (read off their sources): compared exactly.
const PG_CODELESS_OUTAGE = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "timeout expired",
  "Query read timeout",
  "Client has encountered a connection error and is not queryable",
  "Client was closed and is not queryable",
]);

/**
 * SQLSTATEs that mean "the database cannot serve now, retry": class 08 connection exception,
 * 53 insufficient resources, 58 system/IO error, 57P01-57P05 shutdown/crash/cannot connect
 * now/idle-session timeouts, 57014 query canceled (statement timeout under load), 40001 and
 * 40P01 (serialization failure, deadlock), 25006 (a read-only standby after a failover).
 */
function isOutageState(state: string): boolean {
  return (
    /^(08|53|58)/.test(state) ||
    /^57P0[1-5]$/.test(state) ||
    ["57014", "40001", "40P01", "25006"].includes(state)
  );
}

/**
 * Errors that mean "the database is unreachable or cannot serve now", answered with 503 +
 * Retry-After (the sender should retry), as opposed to a bug in our code (500). Decided by
 * SQLSTATE, Prisma code, adapter kind and errno; never by searching message text.
 */
export function isDatabaseOutage(error: unknown): boolean {
  const codes = readDatabaseErrorCodes(error);
  if (codes.sqlState !== null && isOutageState(codes.sqlState)) return true;
  if (codes.prismaCode !== null && PRISMA_OUTAGE.has(codes.prismaCode)) return true;
  if (codes.adapterKind !== null && ADAPTER_OUTAGE.has(codes.adapterKind)) return true;
  if (codes.errno !== null && ERRNO_OUTAGE.has(codes.errno)) return true;
  return codes.codelessMessages.some((message) => PG_CODELESS_OUTAGE.has(message));
}
