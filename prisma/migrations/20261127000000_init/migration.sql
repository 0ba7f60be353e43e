-- CreateTable
CREATE TABLE "bins" (
    "id" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_delivery_at" TIMESTAMPTZ(3),
    "owner_token_hash" CHAR(64),

    CONSTRAINT "bins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
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

    CONSTRAINT "deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deliveries_bin_id_id_idx" ON "deliveries"("bin_id", "id" DESC);

-- AddForeignKey
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_bin_id_fkey" FOREIGN KEY ("bin_id") REFERENCES "bins"("id") ON DELETE CASCADE ON UPDATE CASCADE;
