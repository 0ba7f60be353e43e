import { errorResponseSchema } from "@/lib/http/error-response-schema";

/** The `message` of an API error answer (lib/http/error-response-schema.ts), or null. */
export function readErrorMessage(body: unknown): string | null {
  const parsed = errorResponseSchema.safeParse(body);
  return parsed.success ? parsed.data.message : null;
}
