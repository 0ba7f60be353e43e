import { readErrorMessage } from "@/components/common/read-error-message";

/** What went wrong, for a failed answer: the API's error `message`, or "HTTP <status>". */
export async function describeFailedResponse(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  return readErrorMessage(body) ?? `HTTP ${response.status}`;
}
