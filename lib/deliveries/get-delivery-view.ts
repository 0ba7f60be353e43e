import { buildRetryTimeline } from "@/lib/analysis/build-retry-timeline";
import { isBinOwner } from "@/lib/bins/is-bin-owner";
import { decorateDeliveries } from "@/lib/deliveries/decorate-deliveries";
import { getDeliveryOrThrow } from "@/lib/deliveries/get-delivery-or-throw";
import { getDb } from "@/lib/db";

/**
 * One delivery for the API: full detail, its verdict (expected signatures only for the owner)
 * and, for an analysis, the timeline of every delivery of that analysis in the bin.
 */
export async function getDeliveryView({
  binId,
  deliveryId,
  ownerToken,
}: {
  binId: string;
  deliveryId: string;
  ownerToken: string | null;
}) {
  const { body: _body, ...delivery } = await getDeliveryOrThrow({ binId, deliveryId });
  const db = getDb();
  const [bin, related] = await Promise.all([
    db.bin.findUnique({ where: { id: binId }, select: { ownerTokenHash: true } }),
    delivery.analysisId
      ? db.delivery.findMany({
          where: { binId, analysisId: delivery.analysisId },
          select: { id: true, analysisId: true, receivedAt: true, responseStatus: true },
        })
      : Promise.resolve([]),
  ]);
  const [decorated] = await decorateDeliveries({
    binId,
    deliveries: [delivery],
    revealOwnerDetail: isBinOwner({
      ownerTokenHash: bin?.ownerTokenHash ?? null,
      token: ownerToken,
    }),
  });
  const retryTimeline = buildRetryTimeline({ deliveries: related }).map((row) => ({
    ...row,
    receivedAt: row.receivedAt.toISOString(),
  }));
  return { ...decorated!, retryTimeline };
}
