import { Prisma } from "@/generated/prisma/client";
import { CALLCOV_SCHEMA_NAME } from "@/lib/conformance/callcov-schema-name";
import type { ConformanceSummary } from "@/lib/conformance/conformance-schema";
import { judgeBodyConformance, type BinJsonSchema } from "@/lib/conformance/judge-body-conformance";
import { MAX_ANALYSIS_BYTES } from "@/lib/conformance/judge-callcov-conformance";
import { getConformanceQueue } from "@/lib/deliveries/get-conformance-queue";
import { readBodySlices } from "@/lib/deliveries/read-body-slices";
import { takeKnownVerdicts } from "@/lib/deliveries/take-known-verdicts";
import {
  judgeStaleInBatches,
  type JudgeVerdictsOptions,
} from "@/lib/deliveries/judge-stale-in-batches";
import { yieldToEventLoop } from "@/lib/deliveries/yield-to-event-loop";
import { getDb } from "@/lib/db";

// Bodies held at once while judging, whatever their size (the byte bound comes from env).
const MAX_BODIES_PER_BATCH = 25;

type StaleRow = { id: string; contentType: string | null; bytes: number };

/**
 * Conformance of the given deliveries under the bin's CURRENT schema (its own, else
 * callcov-analysis@1), the way signatures are judged (lib/deliveries/judge-signatures.ts):
 * verdicts are cached on the row with the schema name they were made under, so a list costs one
 * small query (none when the caller's read already found them: `known`). Capture judges
 * callcov-analysis@1 itself; rows never judged under the current name (new ones of a bin with
 * its own schema, rows from before, or all of them after the owner changed the schema) are
 * judged at their first read, in batches of bounded bytes and rows, one batch at a time per
 * instance. The map holds null for a row no schema applies to.
 */
export async function judgeConformance({
  binId,
  ids,
  known,
}: JudgeVerdictsOptions<ConformanceSummary>): Promise<Map<string, ConformanceSummary>> {
  if (ids.length === 0) return new Map();
  const alreadyKnown = takeKnownVerdicts({ ids, known });
  if (alreadyKnown) return alreadyKnown;
  const db = getDb();
  const [bin] = await db.$queryRaw<Array<{ name: string; cached: unknown }>>`
    SELECT coalesce(b.json_schema_name, ${CALLCOV_SCHEMA_NAME}) AS name, (
      SELECT coalesce(jsonb_agg(jsonb_build_array(d.id::text, d.conformance_valid)), '[]'::jsonb)
      FROM deliveries d
      WHERE d.bin_id = ${binId} AND d.id = ANY(${ids}::uuid[])
        AND d.conformance_schema = coalesce(b.json_schema_name, ${CALLCOV_SCHEMA_NAME})
    ) AS cached
    FROM bins b WHERE b.id = ${binId}`;
  if (!bin) return new Map();
  const cached = new Map<string, ConformanceSummary>(
    (bin.cached as Array<[string, boolean | null]>).map(([id, valid]) => [
      id,
      valid === null ? null : { schema: bin.name, valid },
    ]),
  );
  return judgeStaleInBatches<StaleRow, ConformanceSummary>({
    ids,
    cached,
    planStale: async (stale) => {
      // The schema text is read only when something needs judging (it may be 64 KiB). Rows are
      // labelled with the name read together with it, so a concurrent change only makes them
      // stale.
      const schemaRow =
        bin.name === CALLCOV_SCHEMA_NAME
          ? null
          : await db.bin.findUnique({
              where: { id: binId },
              select: { jsonSchema: true, jsonSchemaName: true },
            });
      const binSchema: BinJsonSchema | null =
        schemaRow?.jsonSchema && schemaRow.jsonSchemaName
          ? { text: schemaRow.jsonSchema, name: schemaRow.jsonSchemaName }
          : null;
      const rows: StaleRow[] = (
        await db.delivery.findMany({
          where: { id: { in: stale }, binId },
          select: { id: true, contentType: true, bodySize: true },
        })
      ).map(({ bodySize, ...row }) => ({ ...row, bytes: bodySize }));
      return {
        rows,
        maxRowsPerBatch: MAX_BODIES_PER_BATCH,
        queue: getConformanceQueue({ validatorThread: binSchema !== null }),
        judgeBatch: (batch) => judgeBatch({ binId, batch, binSchema }),
      };
    },
  });
}

async function judgeBatch({
  binId,
  batch,
  binSchema,
}: {
  binId: string;
  batch: StaleRow[];
  binSchema: BinJsonSchema | null;
}): Promise<Array<readonly [string, ConformanceSummary]>> {
  const name = binSchema?.name ?? CALLCOV_SCHEMA_NAME;
  // CallCov analyses are recognised up to MAX_ANALYSIS_BYTES (as at capture): bigger bodies
  // are not even read. A bin schema applies to every JSON body, whatever its size.
  const readable = batch.filter((row) => binSchema !== null || row.bytes <= MAX_ANALYSIS_BYTES);
  const slices = await readBodySlices({ binId, ids: readable.map((row) => row.id) });
  const fresh: Array<readonly [string, ConformanceSummary]> = [];
  for (const row of batch) {
    const parts = slices.get(row.id);
    slices.delete(row.id);
    const result = parts
      ? await judgeBodyConformance({
          body: Buffer.concat(parts),
          contentType: row.contentType,
          binSchema,
        })
      : null;
    fresh.push([row.id, result === null ? null : { schema: result.schema, valid: result.valid }]);
    // In-process CallCov checks parse JSON: let other requests in between bodies.
    await yieldToEventLoop();
  }
  if (fresh.length > 0) {
    const values = Prisma.join(
      fresh.map(
        ([id, verdict]) =>
          Prisma.sql`(${id}::uuid, ${verdict === null ? null : verdict.valid}::boolean)`,
      ),
    );
    await getDb()
      .$executeRaw`UPDATE deliveries AS d SET conformance_schema = ${name}, conformance_valid = v.valid
      FROM (VALUES ${values}) AS v(id, valid) WHERE d.id = v.id AND d.bin_id = ${binId}`;
  }
  return fresh;
}
