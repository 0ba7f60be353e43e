-- Deliveries become native range partitions on the UUIDv7 id (one partition per UTC day,
-- created ahead by the server: lib/housekeeping/ensure-delivery-partitions.ts), so retention
-- drops whole days instead of deleting rows. See ARCHITECTURE.md, "Partitioned deliveries".
--
-- Catalog changes only: no statement here reads the rows, so an install with millions of
-- deliveries holds the table lock for milliseconds. The old table stays, renamed, as one
-- partition covering every id (its NOT NULL id proves that bound without a scan); the server
-- then narrows it to the ids it already holds with an online VALIDATE (daily partitions take
-- over from the next UTC midnight) and drops it whole once all of it is past retention.
ALTER TABLE "deliveries" RENAME TO "deliveries_legacy";
ALTER TABLE "deliveries_legacy" RENAME CONSTRAINT "deliveries_pkey" TO "deliveries_legacy_pkey";
ALTER TABLE "deliveries_legacy" RENAME CONSTRAINT "deliveries_bin_id_fkey" TO "deliveries_legacy_bin_id_fkey";
ALTER INDEX "deliveries_bin_id_id_idx" RENAME TO "deliveries_legacy_bin_id_id_idx";
ALTER INDEX "deliveries_bin_id_analysis_id_idx" RENAME TO "deliveries_legacy_bin_id_analysis_id_idx";
ALTER INDEX "deliveries_received_at_idx" RENAME TO "deliveries_legacy_received_at_idx";

-- The same columns as the old table, by construction (LIKE copies names, types, NOT NULL and
-- defaults), so this migration cannot drift from the ones before it.
CREATE TABLE "deliveries" (
    LIKE "deliveries_legacy" INCLUDING DEFAULTS INCLUDING STORAGE INCLUDING COMPRESSION,
    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
) PARTITION BY RANGE ("id");

CREATE INDEX "deliveries_bin_id_id_idx" ON "deliveries"("bin_id", "id" DESC);
CREATE INDEX "deliveries_bin_id_analysis_id_idx" ON "deliveries"("bin_id", "analysis_id");
CREATE INDEX "deliveries_received_at_idx" ON "deliveries"("received_at");
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_bin_id_fkey" FOREIGN KEY ("bin_id") REFERENCES "bins"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The old table's indexes, primary key and foreign key match the parent's, so ATTACH rebuilds
-- none of them.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "deliveries_legacy") THEN
    ALTER TABLE "deliveries" ATTACH PARTITION "deliveries_legacy" FOR VALUES FROM (MINVALUE) TO (MAXVALUE);
  ELSE
    DROP TABLE "deliveries_legacy";
  END IF;
END $$;

-- A capture must never fail for want of a partition: a row whose day has none (the server
-- was down for longer than it creates ahead, a clock far off) lands here and is moved into
-- its day's partition when that is created.
CREATE TABLE "deliveries_default" PARTITION OF "deliveries" DEFAULT;
