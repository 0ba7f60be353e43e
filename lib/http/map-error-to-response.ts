import { ZodError } from "zod";
import { isDatabaseOutage } from "@/lib/database/is-database-outage";
import { AppError } from "@/lib/errors";
import { formatErrorStack } from "@/lib/format-error-stack";
import { jsonError } from "@/lib/http/json-error";
import { log } from "@/lib/log";

/** The one place that turns a thrown error into an HTTP answer. */
export function mapErrorToResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const retryAfter = error.retryAfterSeconds ?? (error.code === "UNAVAILABLE" ? 5 : undefined);
    const headers: Record<string, string> =
      retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) };
    return jsonError(error.status, error.code.toLowerCase(), error.message, headers);
  }
  if (error instanceof ZodError) {
    const message = error.issues
      .map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`)
      .join("; ");
    return jsonError(400, "bad_request", message);
  }
  if (isDatabaseOutage(error)) {
    log("warn", "database unavailable", { error: (error as Error).message });
    return jsonError(503, "unavailable", "The database is temporarily unavailable; retry later", {
      "Retry-After": "5",
    });
  }
  log("error", "unhandled error in route", { error: formatErrorStack(error) });
  return jsonError(500, "internal", "Internal error");
}
