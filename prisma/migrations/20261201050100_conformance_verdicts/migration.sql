-- Schema conformance (issue 16): a bin's own JSON Schema, and each delivery's cached verdict
-- with the schema name it was judged under (re-judged lazily when the name changes).
ALTER TABLE "bins" ADD COLUMN "json_schema" TEXT;
ALTER TABLE "bins" ADD COLUMN "json_schema_name" VARCHAR(40);

ALTER TABLE "deliveries" ADD COLUMN "conformance_schema" VARCHAR(40);
ALTER TABLE "deliveries" ADD COLUMN "conformance_valid" BOOLEAN;
