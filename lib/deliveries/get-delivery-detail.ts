import { buildRetryTimeline } from "@/lib/analysis/build-retry-timeline";
import { isBinOwner } from "@/lib/bins/is-bin-owner";
import { decorateDeliveries } from "@/lib/deliveries/decorate-deliveries";
import { getDeliveryOrThrow } from "@/lib/deliveries/get-delivery-or-throw";
import type { DeliveryDetail } from "@/lib/deliveries/get-delivery-detail.types";
import type { PlannedResponse } from "@/lib/payload/planned-response-schema";
import { judgeBodyConformance } from "@/lib/conformance/judge-body-conformance";
import { getDb, getReadDb, hasReadReplicas, type ReadFrom } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decryptSecret } from "@/lib/secrets/decrypt-secret";
import { getEncryptionKey } from "@/lib/secrets/get-encryption-key";
import { verifySignature } from "@/lib/signatures/verify-signature";

/**
 * One delivery for the API: full detail, its verdict and, for an analysis, the timeline of
 * every delivery of that analysis in the bin. For the owner, the verdict is recomputed from the
 * body and the decrypted secret so it carries the expected signature (ownerDetail), which is
 * never stored: a database dump must not hold valid signatures for bodies one could send.
 *
 * Read from a replica when there are any; a delivery the replica does not have (yet: links
 * are shared, and `forward` asks the moment it hears of one) is read again, wholly, from the
 * primary, so a fresh delivery is never a 404 and its retry timeline never lacks itself.
 */
export async function getDeliveryDetail(options: {
  binId: string;
  deliveryId: string;
  ownerToken: string | null;
}): Promise<DeliveryDetail> {
  try {
    return await readDeliveryDetail({ ...options, readFrom: "replica" });
  } catch (error) {
    // Without replicas the first read was the primary's: a second would find nothing more.
    if (!(error instanceof AppError && error.code === "NOT_FOUND") || !hasReadReplicas()) {
      throw error;
    }
    return readDeliveryDetail({ ...options, readFrom: "primary" });
  }
}

async function readDeliveryDetail({
  binId,
  deliveryId,
  ownerToken,
  readFrom,
}: {
  binId: string;
  deliveryId: string;
  ownerToken: string | null;
  readFrom: ReadFrom;
}): Promise<DeliveryDetail> {
  const { body, ...delivery } = await getDeliveryOrThrow({ binId, deliveryId, readFrom });
  const [bin, related] = await Promise.all([
    // Who owns the bin and its secret: always the primary (an owner check).
    getDb().bin.findUnique({
      where: { id: binId },
      select: {
        ownerTokenHash: true,
        webhookSecretEncrypted: true,
        jsonSchema: true,
        jsonSchemaName: true,
      },
    }),
    delivery.analysisId
      ? getReadDb({ readFrom }).delivery.findMany({
          where: { binId, analysisId: delivery.analysisId },
          select: { id: true, analysisId: true, receivedAt: true, responseStatus: true },
        })
      : Promise.resolve([]),
  ]);
  const [decorated] = await decorateDeliveries({ binId, deliveries: [delivery], readFrom });
  const isOwner = isBinOwner({ ownerTokenHash: bin?.ownerTokenHash ?? null, token: ownerToken });
  const secret =
    isOwner && bin?.webhookSecretEncrypted
      ? decryptSecret({ encrypted: bin.webhookSecretEncrypted, key: getEncryptionKey() })
      : null;
  const signature =
    secret === null
      ? decorated!.signature
      : await verifySignature({
          headers: delivery.headers,
          body,
          secret,
          now: () => new Date(delivery.receivedAt),
        });
  const retryTimeline = buildRetryTimeline({ deliveries: related }).map((row) => ({
    ...row,
    receivedAt: row.receivedAt.toISOString(),
  }));
  // The summary's verdict is the stored one; the detail lists why (recomputed: errors are not kept).
  const conformance = await judgeBodyConformance({
    body,
    contentType: delivery.contentType,
    binSchema:
      bin?.jsonSchema && bin.jsonSchemaName
        ? { text: bin.jsonSchema, name: bin.jsonSchemaName }
        : null,
  });
  // The stored answer was written by capture (lib/capture/plan-response.ts), never by a client.
  const response = delivery.response as PlannedResponse | null;
  return { ...decorated!, response, signature, retryTimeline, conformance };
}
