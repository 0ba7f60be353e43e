/** The machine-readable codes found on an error from Prisma, its pg adapter, pg or node's net. */
export interface DatabaseErrorCodes {
  /** PostgreSQL's SQLSTATE (e.g. "57P01"), wherever Prisma or the adapter wrapped it. */
  sqlState: string | null;
  /** Prisma's own code ("P1001", "P2010", ...), also `errorCode` of initialization errors. */
  prismaCode: string | null;
  /** The pg adapter's error kind ("DatabaseNotReachable", "ConnectionClosed", ...). */
  adapterKind: string | null;
  /** A node system error code ("ECONNREFUSED", "EPIPE", ...). */
  errno: string | null;
  /** Messages of the plain `Error`s in the chain that carry no code at all (pg and pg-pool
   * raise their connection-loss errors that way), for an exact comparison. */
  codelessMessages: string[];
}

type Bag = Record<string, unknown>;

const isBag = (value: unknown): value is Bag => typeof value === "object" && value !== null;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * Walks the wrappers an error arrives in (Prisma's `meta.driverAdapterError`, the adapter's
 * `cause` object, `Error.cause` chains) and collects their codes: callers decide by codes,
 * never by guessing from message text.
 */
export function readDatabaseErrorCodes(error: unknown): DatabaseErrorCodes {
  const codes: DatabaseErrorCodes = {
    sqlState: null,
    prismaCode: null,
    adapterKind: null,
    errno: null,
    codelessMessages: [],
  };
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const item = queue.shift();
    if (!isBag(item) || seen.has(item)) continue;
    seen.add(item);
    const code = str(item.code);
    const original = str(item.originalCode);
    for (const candidate of [original, code]) {
      if (candidate && /^[0-9][0-9A-Z]{4}$/.test(candidate)) codes.sqlState ??= candidate;
    }
    const prisma = [code, str(item.errorCode)].find((c) => c !== null && /^P\d{4}$/.test(c));
    if (prisma) codes.prismaCode ??= prisma;
    if (code && /^E[A-Z_]+$/.test(code)) codes.errno ??= code;
    const kind = str(item.kind);
    if (kind) codes.adapterKind ??= kind;
    if (item instanceof Error && code === null && str(item.errorCode) === null) {
      codes.codelessMessages.push(item.message);
    }
    if (isBag(item.meta)) queue.push(item.meta.driverAdapterError);
    queue.push(item.cause);
  }
  return codes;
}
