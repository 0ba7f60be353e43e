import { isValidBinId } from "@/lib/ids/bin-id";

export interface ParsedEchoUrl {
  binId: string;
  /** Everything after /echo/<id>, raw (not percent-decoded), e.g. "/webhooks/analysis". */
  path: string;
  /** Raw query string without "?", exactly as sent. */
  query: string;
}

export type ParseEchoUrlResult = { ok: true; value: ParsedEchoUrl } | { ok: false; reason: string };

/** Splits a raw request target like `/echo/abc/x/y?z=1` without decoding or normalising it. */
export function parseEchoUrl({ rawUrl }: { rawUrl: string }): ParseEchoUrlResult {
  const questionMark = rawUrl.indexOf("?");
  const pathname = questionMark === -1 ? rawUrl : rawUrl.slice(0, questionMark);
  const query = questionMark === -1 ? "" : rawUrl.slice(questionMark + 1);
  if (!pathname.startsWith("/echo/")) return { ok: false, reason: "Not an echo URL" };
  const rest = pathname.slice("/echo/".length);
  const slash = rest.indexOf("/");
  const binId = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? "" : rest.slice(slash);
  if (!isValidBinId(binId)) {
    return {
      ok: false,
      reason: "Invalid bin id: use 1-64 characters of A-Z, a-z, 0-9, '-' and '_'",
    };
  }
  return { ok: true, value: { binId, path, query } };
}
