import { AppError } from "@/lib/errors";

const LIMIT = 1024 * 1024;

/** Parses a JSON request body (bounded) or fails with a 400 that says what is wrong. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > LIMIT) throw new AppError("PAYLOAD_TOO_LARGE", "JSON body over 1 MiB");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "Body must be valid JSON");
  }
}
