import { requireBinOwner } from "@/lib/bins/require-bin-owner";
import { evictPrismaDebugHistory } from "@/lib/database/evict-prisma-debug-history";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isDeliveryId } from "@/lib/ids/delivery-id-schema";
import { getForwardHub } from "@/lib/live/get-forward-hub";
import { filterForwardedHeaders } from "@/lib/payload/filter-forwarded-headers";
import type { PlannedResponse } from "@/lib/payload/planned-response-schema";
import type {
  ForwardedAnswerAccepted,
  PostForwardedAnswerInput,
} from "@/lib/deliveries/post-forwarded-answer.types";

export interface PostForwardedAnswerOptions {
  binId: string;
  deliveryId: string;
  token: string | null;
  /** Reads and validates the body; called only once the owner is proven. */
  readAnswer: () => Promise<PostForwardedAnswerInput>;
}

// PostgreSQL text and jsonb cannot hold U+0000: the shown text replaces it, the bytes stay exact
// (the UTF-8 decoding makes no lone surrogates). The rest of the answer's text was refused by
// its schema.
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;

// Answers with more body bytes than this evict them from Prisma's debug histories afterwards.
const EVICT_AFTER_BYTES = 64 * 1024;

/**
 * Owner only (it decides what senders see). Writes the local app's answer (or the
 * forwarder's error) into the held delivery's row, only while the row still says
 * forward_pending: the first answer wins, and one arriving after the hold ended is a 409.
 * Then wakes the instance holding the capture, wherever it runs.
 */
export async function postForwardedAnswer({
  binId,
  deliveryId,
  token,
  readAnswer,
}: PostForwardedAnswerOptions): Promise<ForwardedAnswerAccepted> {
  await requireBinOwner({ binId, token });
  if (!isDeliveryId(deliveryId)) throw new AppError("BAD_REQUEST", "Invalid delivery id");
  const input = await readAnswer();
  const db = getDb();
  let updated: number;
  let result: ForwardedAnswerAccepted;
  if ("error" in input) {
    const message = `The forwarder got no answer from the local app: ${input.error}`;
    updated = await db.$executeRaw`
      UPDATE deliveries
      SET response = response || jsonb_build_object('reason', 'forward_failed', 'forwardMessage', ${message}::text)
      WHERE id = ${deliveryId}::uuid AND bin_id = ${binId} AND response->>'reason' = 'forward_pending'`;
    result = { deliveryId, reason: "forward_failed", droppedHeaders: [] };
  } else {
    const body = Buffer.from(input.bodyBase64, "base64");
    const limit = getEnv().FORWARD_MAX_ANSWER_BYTES;
    if (body.length > limit) {
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        `The answer body is ${body.length} bytes; at most ${limit} are passed on`,
      );
    }
    const filtered = filterForwardedHeaders({ headers: input.headers });
    const recorded: PlannedResponse = {
      status: input.status,
      headers: filtered.headers,
      body: body.toString("utf8").replace(NUL, "\uFFFD"),
      contentType: filtered.contentType,
      delayMs: 0,
      reason: "forwarded",
      bodyBase64: body.toString("base64"),
      ...(filtered.dropped.length > 0
        ? { forwardMessage: `Headers left out: ${filtered.dropped.join("; ")}` }
        : {}),
    };
    try {
      updated = await db.$executeRaw`
      UPDATE deliveries
      SET response = ${JSON.stringify(recorded)}::jsonb, response_status = ${input.status}
      WHERE id = ${deliveryId}::uuid AND bin_id = ${binId} AND response->>'reason' = 'forward_pending'`;
    } finally {
      // The one write of a body left on Prisma (capture writes through pg): its debug history
      // would keep the last 100 answers' JSON alive.
      if (body.length >= EVICT_AFTER_BYTES) evictPrismaDebugHistory();
    }
    result = { deliveryId, reason: "forwarded", droppedHeaders: filtered.dropped };
  }
  if (updated === 0) {
    const row = await db.delivery.findFirst({
      where: { id: deliveryId, binId },
      select: { response: true },
    });
    if (!row) throw new AppError("NOT_FOUND", `Delivery ${deliveryId} not found in bin ${binId}`);
    const reason = (row.response as { reason?: unknown } | null)?.reason;
    throw new AppError(
      "CONFLICT",
      `Delivery ${deliveryId} is not waiting for an answer (it records ${typeof reason === "string" ? reason : "no forward"}); the sender already got its answer`,
    );
  }
  await getForwardHub().publishAnswer({ binId, deliveryId });
  return result;
}
