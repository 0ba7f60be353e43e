/** The `message` of our JSON error answers, else the start of whatever the server sent. */
export async function describeFailedResponse(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === "string") return parsed.message;
  } catch {
    // not our JSON error shape
  }
  return text.slice(0, 200) || response.statusText;
}
