/**
 * Every statement the capture path sends, side by side, written against the tables of
 * prisma/schema.prisma (Bin -> bins, Delivery -> deliveries, RateLimitCounter ->
 * rate_limit_counters). They run on the pg pool directly (lib/get-pg-pool.ts), not through
 * Prisma: see ARCHITECTURE.md "Capture on pg, everything else on Prisma". A column renamed in
 * the schema fails test/integration/capture-statements.test.ts, which prepares each of them
 * against the migrated database.
 *
 * Parameters come back as pg parses them by default: timestamptz -> Date, int4 -> number,
 * jsonb -> parsed JSON, uuid and varchar -> string. Buffers go out in binary format (pg sends
 * a Buffer parameter as raw bytes), so a body is never copied into hex or base64 on the way.
 * Statements have names: each connection parses and plans them once.
 */

/** Columns of one deliveries row, in the order of DELIVERY_ROW_PARAMETERS. */
const DELIVERY_COLUMNS =
  "id, bin_id, method, path, query, headers, body, body_size, body_sha256, content_type, remote_address, received_at, analysis_id, analysis_status, analysis_agent, response_status, response, signature, signature_version, conformance_schema, conformance_valid";

/** Parameters per deliveries row; see DELIVERY_COLUMNS. */
export const DELIVERY_ROW_PARAMETERS = 21;

// Every parameter is cast to its column's type: insertDeliveriesIfDefaults selects the rows
// from a VALUES list (so that a row can be left out), where PostgreSQL cannot infer types from
// the target columns.
const ROW_CASTS = [
  "::uuid",
  "::varchar",
  "::varchar",
  "::text",
  "::text",
  "::jsonb",
  "::bytea",
  "::int",
  "::text",
  "::text",
  "::text",
  "::timestamptz",
  "::varchar",
  "::varchar",
  "::varchar",
  "::int",
  "::jsonb",
  "::jsonb",
  "::varchar",
  "::varchar",
  "::boolean",
];

/**
 * True when a bins row (alias `b`) holds what a bin created by capture holds: no settings, no
 * secret, no schema of its own. Must never be looser than `holdsDefaults` in
 * lib/bins/get-settings-cache.ts (stricter only costs a reload): capture plans a bin it has not
 * loaded with those defaults, and the insert keeps such a row only while this is true.
 */
const BIN_HOLDS_DEFAULTS = `b.webhook_secret_encrypted IS NULL AND b.secret_version = 'none'
  AND b.json_schema_name IS NULL
  AND (b.settings IS NULL OR b.settings = '{}'::jsonb OR b.settings = 'null'::jsonb)`;

const insertTexts = new Map<string, string>();

function insertDeliveriesText(rows: number, ifDefaults: boolean): string {
  const key = `${rows}:${ifDefaults}`;
  let text = insertTexts.get(key);
  if (text) return text;
  const first = ifDefaults ? 4 : 3;
  const values: string[] = [];
  for (let row = 0; row < rows; row++) {
    const base = first + row * DELIVERY_ROW_PARAMETERS;
    values.push(`(${ROW_CASTS.map((cast, i) => `$${base + i}${cast}`).join(", ")})`);
  }
  // Creates bins seen for the first time (a bin exists as soon as someone sends to it;
  // ON CONFLICT DO NOTHING tolerates concurrent first deliveries without a lookup per
  // delivery) and inserts every delivery: one atomic statement. New bins go in id order: two
  // batches that create the same new bins in opposite orders each wait for the other's
  // uncommitted row, a deadlock PostgreSQL breaks by failing one (503s).
  const newBins = `WITH new_bins AS (
      INSERT INTO bins (id, created_at, last_delivery_at)
      SELECT id, at, at FROM unnest($1::varchar[], $2::timestamptz[]) AS b(id, at) ORDER BY id
      ON CONFLICT (id) DO NOTHING
    )`;
  // With rows planned with assumed defaults ($3): such a row is left out when its bin exists
  // and holds more (the bins this statement creates are not visible to it, and hold the
  // defaults); the one row back lists the ids left out, for capture to plan again.
  text = ifDefaults
    ? `${newBins}, inserted AS (
      INSERT INTO deliveries (${DELIVERY_COLUMNS})
      SELECT * FROM (VALUES ${values.join(", ")}) AS v(${DELIVERY_COLUMNS})
      WHERE v.id <> ALL($3::uuid[]) OR NOT EXISTS (
        SELECT 1 FROM bins AS b WHERE b.id = v.bin_id AND NOT (${BIN_HOLDS_DEFAULTS})
      )
      RETURNING id
    )
    SELECT array(
      SELECT a.id::text FROM unnest($3::uuid[]) AS a(id)
      WHERE a.id NOT IN (SELECT id FROM inserted)
    ) AS left_out`
    : `${newBins}
    INSERT INTO deliveries (${DELIVERY_COLUMNS}) VALUES ${values.join(", ")}`;
  insertTexts.set(key, text);
  return text;
}

export const CAPTURE_STATEMENTS = {
  /**
   * $1 bin ids, $2 their first-seen times (one entry per distinct bin), then
   * DELIVERY_ROW_PARAMETERS values per delivery row.
   */
  insertDeliveries: (rows: number) => ({
    name: `capture_insert_deliveries_${rows}`,
    text: insertDeliveriesText(rows, false),
  }),

  /**
   * As insertDeliveries, with $3 the ids of rows planned with assumed defaults (the rows from
   * $4 on). One row back: `left_out`, the ids of $3 not inserted because their bin holds more.
   */
  insertDeliveriesIfDefaults: (rows: number) => ({
    name: `capture_insert_deliveries_if_defaults_${rows}`,
    text: insertDeliveriesText(rows, true),
  }),

  /**
   * Group commit of rate-limit checks: $1 keys, $2 window starts, $3 counts (unique pairs).
   * Counters are taken in key order: two batches in flight (here or on another instance)
   * share the ip: key and list bin: keys in arrival order, which would deadlock.
   */
  incrementRateCounters: {
    name: "capture_increment_rate_counters",
    text: `INSERT INTO rate_limit_counters (key, window_start, count)
      SELECT * FROM unnest($1::varchar[], $2::timestamptz[], $3::int[]) AS c(key, window_start, count)
      ORDER BY key, window_start
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + EXCLUDED.count
      RETURNING key, window_start, count`,
  },

  /**
   * bins.last_delivery_at, batched: $1 bin ids (distinct), $2 latest delivery times. The rows
   * are locked in id order first (the CTE), because an UPDATE … FROM locks in whatever order
   * its join plan yields, and two such batches (or one and addRejected) could wait on each
   * other. Only rows that would move forward are locked; the lock keeps them so until the
   * UPDATE, which therefore needs no second check.
   */
  touchBins: {
    name: "capture_touch_bins",
    text: `WITH v AS (
        SELECT b.id, u.at FROM bins AS b JOIN unnest($1::varchar[], $2::timestamptz[]) AS u(id, at)
          ON b.id = u.id
        WHERE b.last_delivery_at IS NULL OR b.last_delivery_at < u.at
        ORDER BY b.id FOR NO KEY UPDATE OF b
      )
      UPDATE bins AS b SET last_delivery_at = v.at FROM v WHERE b.id = v.id`,
  },

  /** bins.rejected_count, batched: $1 bin ids, $2 refusals to add. Locks in id order, as touchBins. */
  addRejected: {
    name: "capture_add_rejected",
    text: `WITH v AS (
        SELECT b.id, u.n FROM bins AS b JOIN unnest($1::varchar[], $2::int[]) AS u(id, n)
          ON b.id = u.id
        ORDER BY b.id FOR NO KEY UPDATE OF b
      )
      UPDATE bins AS b SET rejected_count = b.rejected_count + v.n FROM v WHERE b.id = v.id`,
  },

  /** What capture needs of bins, one row per bin that exists: $1 bin ids. */
  readCaptureSettings: {
    name: "capture_read_settings",
    text: `SELECT id, settings, webhook_secret_encrypted, secret_version, json_schema_name FROM bins WHERE id = ANY($1::varchar[])`,
  },

  /** fail-first: deliveries of this analysis in the bin; $1 bin id, $2 analysis id. */
  countAnalysisAttempts: {
    name: "capture_count_analysis_attempts",
    text: `SELECT count(*)::int AS n FROM deliveries WHERE bin_id = $1 AND analysis_id = $2`,
  },

  /** fail-first without an analysis id: the same body; $1 bin id, $2 body SHA-256. */
  countBodyAttempts: {
    name: "capture_count_body_attempts",
    text: `SELECT count(*)::int AS n FROM deliveries
      WHERE bin_id = $1 AND analysis_id IS NULL AND body_sha256 = $2`,
  },

  /** forward --respond: the answer recorded in the row; $1 delivery id. */
  readRecordedResponse: {
    name: "capture_read_recorded_response",
    text: `SELECT response FROM deliveries WHERE id = $1::uuid`,
  },

  /**
   * forward --respond: the fallback wins only while the row still waits; $1 delivery id,
   * $2 reason, $3 message. 0 rows: the forwarder's answer won the race.
   */
  recordForwardFallback: {
    name: "capture_record_forward_fallback",
    text: `UPDATE deliveries
      SET response = response || jsonb_build_object('reason', $2::text, 'forwardMessage', $3::text)
      WHERE id = $1::uuid AND response->>'reason' = 'forward_pending'`,
  },

  /** forward --respond after a lost LISTEN: which held captures were answered; $1 ids. */
  selectAnsweredForwards: {
    name: "capture_select_answered_forwards",
    text: `SELECT id::text AS id FROM deliveries
      WHERE id = ANY($1::uuid[]) AND response->>'reason' IS DISTINCT FROM 'forward_pending'`,
  },
} as const;
