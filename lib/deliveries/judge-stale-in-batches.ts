import type { SerialQueue } from "@/lib/deliveries/create-serial-queue";
import { splitByBytes } from "@/lib/deliveries/split-by-bytes";
import { getEnv } from "@/lib/env";

/** Which deliveries of which bin need a verdict (judgeSignatures, judgeConformance). */
export interface JudgeVerdictsOptions<Verdict> {
  binId: string;
  ids: string[];
  /** Verdicts the caller's read already found current (see KnownVerdicts): no query for them. */
  known?: Map<string, Verdict>;
}

/** How the ids without a current verdict get one. */
export interface StalePlan<Row extends { id: string; bytes: number }, Verdict> {
  /** Their rows: what judging needs besides the body, and the body's size. */
  rows: Row[];
  /** Rows per batch at most; batches hold at most SIGNATURE_JUDGE_BATCH_BYTES of bodies too. */
  maxRowsPerBatch: number;
  /** Where each batch waits its turn; null when judging reads no body (one batch, no wait). */
  queue: SerialQueue | null;
  /** Judges one batch and stores its verdicts on the rows. */
  judgeBatch: (batch: Row[]) => Promise<Array<readonly [string, Verdict]>>;
}

/**
 * The loop signature and conformance verdicts share: the `cached` verdicts (made under the
 * bin's current secret or schema) stand; only the other ids are planned and judged, in batches
 * of bounded bytes and rows, one batch at a time per queue, so a secret or schema change on a
 * big bin never loads all its bodies at once. Returns every verdict by id.
 */
export async function judgeStaleInBatches<Row extends { id: string; bytes: number }, Verdict>({
  ids,
  cached,
  planStale,
}: {
  ids: string[];
  cached: Map<string, Verdict>;
  /** Called only when some ids have no current verdict. */
  planStale: (stale: string[]) => Promise<StalePlan<Row, Verdict>>;
}): Promise<Map<string, Verdict>> {
  const verdicts = new Map(cached);
  const stale = ids.filter((id) => !verdicts.has(id));
  if (stale.length === 0) return verdicts;
  const { rows, maxRowsPerBatch, queue, judgeBatch } = await planStale(stale);
  const batches =
    queue === null
      ? [rows]
      : splitByBytes({
          items: rows,
          maxBytes: getEnv().SIGNATURE_JUDGE_BATCH_BYTES,
          maxItems: maxRowsPerBatch,
        });
  for (const batch of batches) {
    const fresh =
      queue === null ? await judgeBatch(batch) : await queue.run(() => judgeBatch(batch));
    for (const [id, verdict] of fresh) verdicts.set(id, verdict);
  }
  return verdicts;
}
