/**
 * What an error log line carries for a bug: the stack (or message) and each `cause` below it,
 * so a 500 can be traced without a debugger. Never pass errors that embed bodies or secrets.
 */
export function formatErrorStack(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join("\ncaused by: ");
}
