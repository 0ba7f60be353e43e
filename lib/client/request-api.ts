import type { z } from "zod";
import { WebhookEchoError } from "@/lib/client/webhook-echo-error";
import { errorResponseSchema } from "@/lib/http/error-response-schema";

export interface RequestApiOptions<T extends z.ZodType> {
  fetch: typeof fetch;
  url: string;
  init?: RequestInit;
  /** What a 2xx answer with a body must look like. */
  schema: T;
}

export type ApiAnswer<T> =
  | { status: 204 }
  | { status: number; data: T; retryAfterSeconds?: undefined }
  | { status: 429 | 503; retryable: true; retryAfterSeconds: number; error: WebhookEchoError };

/**
 * One API call: a 2xx JSON answer checked against its schema (safeParse), 204 as such, 429 and
 * 503 handed back with their Retry-After (the caller may retry), any other error thrown as a
 * WebhookEchoError carrying the server's code and message.
 */
export async function requestApi<T extends z.ZodType>({
  fetch: fetchImpl,
  url,
  init,
  schema,
}: RequestApiOptions<T>): Promise<ApiAnswer<z.infer<T>>> {
  const response = await fetchImpl(url, {
    ...init,
    headers: { Accept: "application/json", ...init?.headers },
  });
  if (response.status === 204) {
    await response.body?.cancel();
    return { status: 204 };
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: reported below with the status.
  }
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new WebhookEchoError(
        "bad_response",
        `${init?.method ?? "GET"} ${url} answered ${response.status} with an unexpected body: ${parsed.error.message}`,
        response.status,
      );
    }
    return { status: response.status, data: parsed.data };
  }
  const problem = errorResponseSchema.safeParse(body);
  const error = new WebhookEchoError(
    problem.success ? problem.data.error : "http_error",
    problem.success
      ? `${problem.data.message} (HTTP ${response.status})`
      : `${init?.method ?? "GET"} ${url} answered HTTP ${response.status}`,
    response.status,
  );
  if (response.status === 429 || response.status === 503) {
    const retryAfter = Number(response.headers.get("retry-after"));
    return {
      status: response.status,
      retryable: true,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 1,
      error,
    };
  }
  throw error;
}
