-- Per-bin delivery counts kept by PostgreSQL itself, so `deliveryCount` and "is any cached
-- verdict of this bin stale?" are read from a few small rows instead of a scan of the bin.
-- See ARCHITECTURE.md, "Delivery counts kept by triggers".
--
-- One row per (bin, UTC day of the id, slot, signature_version, conformance_schema):
-- * the day is that of the UUIDv7 id, the key deliveries are partitioned on, so the sweep that
--   drops a day's partition (which fires no trigger) deletes exactly that day's rows here in
--   the same transaction (lib/housekeeping/sweep-deliveries.ts);
-- * the slot is pg_backend_pid() % 16: concurrent capture batches into one hot bin mostly
--   update different rows instead of queueing on one row lock. Slots may go negative (a
--   delete counted in another slot than the insert); only the sum over slots means anything;
-- * the verdict columns let the verdict filters ask which (day, version) groups are stale.
CREATE TABLE "delivery_counts" (
    "bin_id" VARCHAR(64) NOT NULL,
    "day" INTEGER NOT NULL,
    "slot" INTEGER NOT NULL,
    "signature_version" VARCHAR(36),
    "conformance_schema" VARCHAR(40),
    "n" INTEGER NOT NULL,
    CONSTRAINT "delivery_counts_bin_id_fkey" FOREIGN KEY ("bin_id") REFERENCES "bins"("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITH (fillfactor = 70);
-- NULLS NOT DISTINCT (PostgreSQL 15+): a NULL version is a value of the key like any other,
-- so ON CONFLICT finds the row instead of adding another.
CREATE UNIQUE INDEX "delivery_counts_key" ON "delivery_counts"
    ("bin_id", "day", "slot", "signature_version", "conformance_schema") NULLS NOT DISTINCT;

-- Milliseconds in the first 48 bits of a UUIDv7, as whole UTC days since 1970.
CREATE FUNCTION webhook_echo_uuid_day(id uuid) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (('x' || substr(id::text, 1, 8) || substr(id::text, 10, 4))::bit(48)::bigint / 86400000)::integer
$$;

-- Statement-level with transition tables: one upsert per statement and group, whatever the
-- number of rows (a capture batch inserts many rows in one statement). Groups are written in
-- key order so two statements touching the same rows lock them in the same order.
CREATE FUNCTION webhook_echo_count_deliveries() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO delivery_counts AS c (bin_id, day, slot, signature_version, conformance_schema, n)
    SELECT bin_id, webhook_echo_uuid_day(id), pg_backend_pid() % 16, signature_version, conformance_schema, count(*)
    FROM new_rows GROUP BY 1, 2, 4, 5 ORDER BY 1, 2, 4, 5
    ON CONFLICT (bin_id, day, slot, signature_version, conformance_schema) DO UPDATE SET n = c.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    -- A bin's deletion cascades to its deliveries and to its counts: no count to keep then
    -- (and the foreign key would refuse one).
    INSERT INTO delivery_counts AS c (bin_id, day, slot, signature_version, conformance_schema, n)
    SELECT o.bin_id, webhook_echo_uuid_day(o.id), pg_backend_pid() % 16, o.signature_version, o.conformance_schema, -count(*)
    FROM old_rows o WHERE EXISTS (SELECT 1 FROM bins b WHERE b.id = o.bin_id)
    GROUP BY 1, 2, 4, 5 ORDER BY 1, 2, 4, 5
    ON CONFLICT (bin_id, day, slot, signature_version, conformance_schema) DO UPDATE SET n = c.n + excluded.n;
  ELSE
    -- Judging a verdict moves rows between groups; updates of other columns net to nothing
    -- and write nothing.
    INSERT INTO delivery_counts AS c (bin_id, day, slot, signature_version, conformance_schema, n)
    SELECT bin_id, day, pg_backend_pid() % 16, signature_version, conformance_schema, sum(delta)
    FROM (
      SELECT bin_id, webhook_echo_uuid_day(id) AS day, signature_version, conformance_schema, -1 AS delta FROM old_rows
      UNION ALL
      SELECT bin_id, webhook_echo_uuid_day(id), signature_version, conformance_schema, 1 FROM new_rows
    ) moved
    WHERE EXISTS (SELECT 1 FROM bins b WHERE b.id = moved.bin_id)
    GROUP BY 1, 2, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 4, 5
    ON CONFLICT (bin_id, day, slot, signature_version, conformance_schema) DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION webhook_echo_clear_delivery_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM delivery_counts;
  RETURN NULL;
END $$;

-- The rows that exist before the triggers are counted online, after this commit, by the
-- server's sweep (lib/housekeeping/backfill-delivery-counts.ts): counting them here would hold
-- a lock that stops every capture for a pass over the whole table. Until then readers count by
-- scan. A fresh install has nothing to count.
CREATE TABLE "delivery_counts_backfill" (
    "done" BOOLEAN NOT NULL
);
INSERT INTO "delivery_counts_backfill" ("done") SELECT NOT EXISTS (SELECT 1 FROM "deliveries");

CREATE TRIGGER "deliveries_count_insert" AFTER INSERT ON "deliveries"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_echo_count_deliveries();
CREATE TRIGGER "deliveries_count_delete" AFTER DELETE ON "deliveries"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_echo_count_deliveries();
CREATE TRIGGER "deliveries_count_update" AFTER UPDATE ON "deliveries"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_echo_count_deliveries();
CREATE TRIGGER "deliveries_count_truncate" AFTER TRUNCATE ON "deliveries"
    FOR EACH STATEMENT EXECUTE FUNCTION webhook_echo_clear_delivery_counts();
