import type { z } from "zod";
import { describeFailedResponse } from "@/components/common/describe-failed-response";

/**
 * GET one of the view's polled answers (the bin, its overview): never from the HTTP cache,
 * checked against the operation's schema; throws the server's message on failure.
 */
export async function fetchCheckedJson<T>({
  url,
  schema,
  signal,
}: {
  url: string;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}): Promise<T> {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store", signal });
  if (!response.ok) throw new Error(await describeFailedResponse(response));
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new Error("The server sent an unexpected answer.");
  return parsed.data;
}
