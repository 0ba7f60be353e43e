// PostgreSQL's query_canceled: what `statement_timeout` raises.
const QUERY_CANCELED = "57014";

/** True when a Prisma error is PostgreSQL stopping a statement at its statement_timeout. */
export function isStatementTimeout(error: unknown): boolean {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown } } } } | null)
    ?.meta;
  return meta?.driverAdapterError?.cause?.code === QUERY_CANCELED;
}
