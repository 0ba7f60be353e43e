import type { IncomingMessage } from "node:http";

export type ReadBodyResult =
  { ok: true; body: Uint8Array } | { ok: false; reason: "too_large" | "aborted" };

/**
 * Reads the raw body up to `limit` bytes. Stops reading as soon as the limit is passed (the
 * rest is never buffered); the caller answers 413 and closes the connection.
 */
export function readBodyBounded({
  req,
  limit,
}: {
  req: IncomingMessage;
  limit: number;
}): Promise<ReadBodyResult> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.resolve({ ok: false, reason: "too_large" });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: ReadBodyResult) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onAbort);
      req.off("aborted", onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.pause();
        finish({ ok: false, reason: "too_large" });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onAbort = () => finish({ ok: false, reason: "aborted" });
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onAbort);
    req.on("aborted", onAbort);
  });
}
