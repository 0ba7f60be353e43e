/** The `message` of a JSON error answer, or "HTTP <status>" when it has none. */
export async function readErrorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
  return typeof body?.message === "string" ? body.message : `HTTP ${response.status}`;
}
