import { CALLCOV_SCHEMA_NAME } from "@/lib/conformance/callcov-schema-name";

/**
 * The live view's hot read, on the pg pool directly like the capture statements
 * (lib/database/capture-statements.ts): at hundreds of deliveries a second every watched bin
 * reads each batch of new rows, and through Prisma that was three queries of ~10 ms each.
 * Written against prisma/schema.prisma (Delivery -> deliveries, Bin -> bins);
 * test/integration/capture-statements.test.ts prepares it against the migrated database.
 */
export const LIVE_STATEMENTS = {
  /**
   * Summaries of a batch of deliveries (of any bins), named as SummaryRow's fields, with the
   * verdicts still current: the signature when made under its bin's secret version, the
   * conformance when made under its bin's schema. $1 delivery ids.
   */
  readLiveSummaries: {
    name: "live_read_summaries",
    text: `SELECT d.id::text AS id, d.bin_id AS "binId", d.method, d.path, d.query,
        d.content_type AS "contentType", d.body_size AS "bodySize", d.body_sha256 AS "bodySha256",
        d.remote_address AS "remoteAddress", d.received_at AS "receivedAt",
        d.analysis_id AS "analysisId", d.response_status AS "responseStatus",
        d.analysis_status AS "analysisStatus", d.analysis_agent AS "analysisAgent",
        CASE WHEN d.signature_version = b.secret_version THEN d.signature END AS signature,
        d.conformance_schema = coalesce(b.json_schema_name, '${CALLCOV_SCHEMA_NAME}') AS "conformanceCurrent",
        d.conformance_schema AS "conformanceSchema", d.conformance_valid AS "conformanceValid"
      FROM deliveries d JOIN bins b ON b.id = d.bin_id
      WHERE d.id = ANY($1::uuid[])
      ORDER BY d.id`,
  },
} as const;
