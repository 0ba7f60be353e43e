-- AlterTable
ALTER TABLE "bins" ADD COLUMN     "secret_version" VARCHAR(36) NOT NULL DEFAULT 'none',
ADD COLUMN     "webhook_secret_encrypted" TEXT;

-- AlterTable
ALTER TABLE "deliveries" ADD COLUMN     "signature" JSONB,
ADD COLUMN     "signature_version" VARCHAR(36);
