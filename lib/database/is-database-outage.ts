// Errors that mean "the database is unreachable or refused the write", which capture answers
// with 503 + Retry-After (the sender should retry), as opposed to a bug in our code.
export function isDatabaseOutage(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const text = `${error.name} ${error.message} ${(error as { code?: string }).code ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|timeout|terminat|Connection|connect|57P0|08\d\d\d|53\d\d\d|P1001|P1002|P1017|P2024|DriverAdapterError|shutting down|starting up|recovery mode/i.test(
    text,
  );
}
