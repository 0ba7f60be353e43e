-- Deliveries become native range partitions on the UUIDv7 id (one partition per UTC day,
-- created ahead by the server: lib/housekeeping/ensure-delivery-partitions.ts), so retention
-- drops whole days instead of deleting rows. See ARCHITECTURE.md, "Partitioned deliveries".
--
-- Catalog changes only: no statement here reads the rows, so an install with millions of
-- deliveries holds the table lock for milliseconds. The old table stays, renamed, as one
-- partition covering every id (its NOT NULL id proves that bound without a scan); the server
-- then narrows it to the ids it already holds with an online VALIDATE, moves its rows into
-- daily partitions a day at a time, and drops it when it is empty.
ALTER TABLE "deliveries" RENAME TO "deliveries_legacy";
ALTER TABLE "deliveries_legacy" RENAME CONSTRAINT "deliveries_pkey" TO "deliveries_legacy_pkey";
ALTER TABLE "deliveries_legacy" RENAME CONSTRAINT "deliveries_bin_id_fkey" TO "deliveries_legacy_bin_id_fkey";
ALTER INDEX "deliveries_bin_id_id_idx" RENAME TO "deliveries_legacy_bin_id_id_idx";
ALTER INDEX "deliveries_bin_id_analysis_id_idx" RENAME TO "deliveries_legacy_bin_id_analysis_id_idx";
ALTER INDEX "deliveries_received_at_idx" RENAME TO "deliveries_legacy_received_at_idx";

CREATE TABLE "deliveries" (
    "id" UUID NOT NULL,
    "bin_id" VARCHAR(64) NOT NULL,
    "method" VARCHAR(32) NOT NULL,
    "path" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "body" BYTEA NOT NULL,
    "body_size" INTEGER NOT NULL,
    "body_sha256" CHAR(64) NOT NULL,
    "content_type" TEXT,
    "remote_address" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "signature" JSONB,
    "signature_version" VARCHAR(36),
    "analysis_id" VARCHAR(200),
    "response" JSONB,
    "response_status" INTEGER,
    "analysis_status" VARCHAR(32),
    "analysis_agent" VARCHAR(200),
    "conformance_schema" VARCHAR(40),
    "conformance_valid" BOOLEAN,

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
) PARTITION BY RANGE ("id");

CREATE INDEX "deliveries_bin_id_id_idx" ON "deliveries"("bin_id", "id" DESC);
CREATE INDEX "deliveries_bin_id_analysis_id_idx" ON "deliveries"("bin_id", "analysis_id");
CREATE INDEX "deliveries_received_at_idx" ON "deliveries"("received_at");
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_bin_id_fkey" FOREIGN KEY ("bin_id") REFERENCES "bins"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The old table's column order differs (columns were added over time); ATTACH matches columns
-- by name, and its indexes, primary key and foreign key match the parent's, so none is rebuilt.
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
