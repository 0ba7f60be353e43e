import type { IncomingMessage } from "node:http";
import type { BodyBudgetAccount } from "@/lib/capture/create-body-budget";
import type { SlowBodyGuard, SlowBodyWatch } from "@/lib/capture/create-slow-body-guard";

export type ReadBodyResult =
  { ok: true; body: Uint8Array } | { ok: false; reason: "too_large" | "too_slow" | "aborted" };

export interface ReadBodyBoundedOptions {
  req: IncomingMessage;
  limit: number;
  /** Charged per chunk as it arrives; the request is paused while a chunk does not fit. */
  account: BodyBudgetAccount;
  /** Cuts bodies under the floor rate. */
  guard: SlowBodyGuard;
}

/**
 * Reads the raw body up to `limit` bytes, reserving memory as bytes arrive. Stops reading as
 * soon as the limit is passed (the rest is never buffered); the caller answers 413 (or 408 for
 * "too_slow") and closes the connection. Always settles, whatever the request does and even if
 * it was gone before this started; the caller's `account.close()` then frees what it held.
 */
export function readBodyBounded({
  req,
  limit,
  account,
  guard,
}: ReadBodyBoundedOptions): Promise<ReadBodyResult> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.resolve({ ok: false, reason: "too_large" });
  }
  if (req.destroyed || req.readableAborted)
    return Promise.resolve({ ok: false, reason: "aborted" });
  const expectsBody = req.headers["transfer-encoding"] !== undefined || declared > 0;

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let ended = false;
    // Chunks that arrived but do not fit the budget yet (the request is paused meanwhile);
    // the first one has a reservation waiting.
    let pending: Buffer[] = [];
    let watch: SlowBodyWatch | null = null;

    const finish = (result: ReadBodyResult) => {
      if (settled) return;
      settled = true;
      watch?.stop();
      pending = [];
      // A body read whole leaves its listeners in place (no removals on the common path):
      // nothing more arrives, and a later close or error finds this settled.
      if (!result.ok) {
        req.off("data", onData);
        req.off("end", onEnd);
        req.off("error", onAbort);
        req.off("close", onAbort);
        req.pause();
      }
      resolve(result);
    };
    const complete = () => {
      account.finishReading();
      // A body that came in one chunk (most) is that chunk: Node's parser gave it a buffer of
      // its own, so it is kept as it is rather than copied.
      finish({ ok: true, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
    };
    /** Reserves the pending chunks in order; false when one has to wait (then paused). */
    const takePending = (): boolean => {
      while (pending.length > 0) {
        if (!account.reserve(pending[0]!.length, onGranted)) return false;
        chunks.push(pending.shift()!);
      }
      return true;
    };
    const onGranted = () => {
      if (settled) return;
      chunks.push(pending.shift()!);
      if (!takePending()) return;
      watch?.resume();
      if (ended) complete();
      else req.resume();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      watch?.received(chunk.length);
      if (size > limit) {
        chunks.length = 0;
        finish({ ok: false, reason: "too_large" });
        return;
      }
      if (pending.length > 0) {
        // Read from the socket before the pause took effect: it joins the wait.
        pending.push(chunk);
        return;
      }
      if (account.reserve(chunk.length, onGranted)) {
        chunks.push(chunk);
        return;
      }
      pending.push(chunk);
      req.pause();
      watch?.pause();
    };
    const onEnd = () => {
      ended = true;
      if (pending.length === 0) return complete();
      // Everything arrived, but the last chunks still wait for memory: the request is complete,
      // so the socket closing now (Node closes the request after its end) is no abort.
      req.off("close", onAbort);
    };
    const onAbort = () => finish({ ok: false, reason: "aborted" });

    if (expectsBody) watch = guard.watch(() => finish({ ok: false, reason: "too_slow" }));
    req.on("data", onData);
    req.on("end", onEnd);
    // An aborted request emits "close" after "aborted" (and "error" only to listeners): one
    // listener for both is enough.
    req.on("error", onAbort);
    req.on("close", onAbort);
  });
}
