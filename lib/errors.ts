/**
 * Errors the app raises on purpose. Each code maps to one HTTP status in lib/http; anything
 * that is not an AppError is a bug (logged, 500) or a database outage (503).
 */
export const appErrorStatus = {
  /** Input failed validation (malformed id, bad query parameter, bad JSON). */
  BAD_REQUEST: 400,
  /** No or unknown credentials where an owner token is required. */
  UNAUTHORIZED: 401,
  /** Valid request, but the caller is not the bin's owner. */
  FORBIDDEN: 403,
  /** The bin or delivery does not exist. */
  NOT_FOUND: 404,
  /** The state does not allow it (e.g. claiming a bin that already has an owner). */
  CONFLICT: 409,
  /** Request body over the limit. */
  PAYLOAD_TOO_LARGE: 413,
  /** Over a rate limit (with Retry-After). */
  RATE_LIMITED: 429,
  /** The database is unreachable or failing; the client should retry. */
  UNAVAILABLE: 503,
  /** A filtered list/export ran past SEARCH_STATEMENT_TIMEOUT_MS and was stopped: narrow it. */
  SEARCH_TIMEOUT: 503,
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Sent as Retry-After (RATE_LIMITED, UNAVAILABLE). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, options: { retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return appErrorStatus[this.code];
  }
}
