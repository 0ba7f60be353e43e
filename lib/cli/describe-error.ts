/** A short, stable name for a failure: the socket error code when there is one (ECONNREFUSED). */
export function describeError({ error }: { error: unknown }): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
    // fetch wraps the socket error: "fetch failed" with the real one as its cause.
    if (error.cause) return describeError({ error: error.cause });
    return error.message;
  }
  return String(error);
}
