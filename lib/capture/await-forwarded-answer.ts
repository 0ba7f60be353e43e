import type { ServerResponse } from "node:http";
import { CAPTURE_STATEMENTS } from "@/lib/database/capture-statements";
import { runNamedStatement } from "@/lib/database/run-named-statement";
import { getPgPool } from "@/lib/get-pg-pool";
import type { ForwardHold, HoldOutcome } from "@/lib/live/create-forward-holds";
import { publishBinChanged } from "@/lib/live/publish-bin-changed";
import { log } from "@/lib/log";
import { plannedResponseSchema, type PlannedResponse } from "@/lib/payload/planned-response-schema";

export interface AwaitForwardedAnswerOptions {
  binId: string;
  deliveryId: string;
  hold: ForwardHold;
  timeoutMs: number;
  /** The sender's response: if it goes away first, the hold is released. */
  res: ServerResponse;
}

/** The local app's answer, as the forwarder posted it (headers already filtered). */
export interface ForwardedAnswer {
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  body: Buffer;
}

const FALLBACKS: Record<Exclude<HoldOutcome, "answer_ready">, (ms: number) => [string, string]> = {
  timeout: (ms) => ["forward_timeout", `The local app did not answer within ${ms} ms`],
  disconnected: () => ["forward_disconnected", "The forwarder disconnected before answering"],
  sender_gone: () => ["forward_failed", "The sender closed the connection before the answer"],
};

async function readRecorded(deliveryId: string): Promise<PlannedResponse | null> {
  const { rows } = await runNamedStatement<{ response: unknown }>({
    pool: getPgPool(),
    statement: CAPTURE_STATEMENTS.readRecordedResponse,
    values: [deliveryId],
  });
  const parsed = plannedResponseSchema.safeParse(rows[0]?.response);
  return parsed.success ? parsed.data : null;
}

function toAnswer(recorded: PlannedResponse | null): ForwardedAnswer | null {
  if (recorded?.reason !== "forwarded") return null;
  return {
    status: recorded.status,
    headers: recorded.headers,
    contentType: recorded.contentType,
    body: Buffer.from(recorded.bodyBase64 ?? "", "base64"),
  };
}

/**
 * `forward --respond`: the capture's row is committed with reason forward_pending; wait for
 * the forwarder's answer (any instance writes it into the row, then notifies). Whatever ends
 * the wait, the row ends up saying what was sent and why: a conditional UPDATE from
 * forward_pending decides the race between a late answer and our fallback, exactly once.
 * Returns the local app's answer, or null: send the bin's own answer.
 */
export async function awaitForwardedAnswer({
  binId,
  deliveryId,
  hold,
  timeoutMs,
  res,
}: AwaitForwardedAnswerOptions): Promise<ForwardedAnswer | null> {
  const onClose = () => {
    if (!res.writableFinished) hold.release("sender_gone");
  };
  res.once("close", onClose);
  // Gone while the row was being committed: 'close' has already fired.
  if (res.destroyed) hold.release("sender_gone");
  try {
    const outcome = await hold.wait({ timeoutMs });
    if (outcome === "answer_ready") return toAnswer(await readRecorded(deliveryId));
    const [reason, message] = FALLBACKS[outcome](timeoutMs);
    const { rowCount: updated } = await runNamedStatement({
      pool: getPgPool(),
      statement: CAPTURE_STATEMENTS.recordForwardFallback,
      values: [deliveryId, reason, message],
    });
    // The answer won the race: it is in the row, and the sender may still be there.
    if (updated === 0) return toAnswer(await readRecorded(deliveryId));
    return null;
  } catch (error) {
    log("warn", "forwarded answer failed", {
      binId,
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  } finally {
    res.off("close", onClose);
    hold.release("sender_gone");
    // Open views show the delivery's final answer instead of "waiting".
    void publishBinChanged({ binId });
  }
}
