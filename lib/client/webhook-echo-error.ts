/**
 * What the client throws: `code` is the API's error code (`not_found`, `rate_limited`, ...),
 * `"timeout"` when no matching delivery came in time, or `"bad_response"` when an answer does
 * not match the documented schema. `status` is the HTTP status, null for a timeout.
 */
export class WebhookEchoError extends Error {
  readonly code: string;
  readonly status: number | null;

  constructor(code: string, message: string, status: number | null = null) {
    super(message);
    this.name = "WebhookEchoError";
    this.code = code;
    this.status = status;
  }
}
