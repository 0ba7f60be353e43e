import { isBinOwner } from "@/lib/bins/is-bin-owner";
import { attachSignatures } from "@/lib/deliveries/attach-signatures";
import { getDeliveryOrThrow } from "@/lib/deliveries/get-delivery-or-throw";
import { getDb } from "@/lib/db";

/** One delivery for the API: full detail plus its verdict; expected signatures only for the owner. */
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
  const bin = await getDb().bin.findUnique({
    where: { id: binId },
    select: { ownerTokenHash: true },
  });
  const [withSignature] = await attachSignatures({
    binId,
    deliveries: [delivery],
    revealOwnerDetail: isBinOwner({
      ownerTokenHash: bin?.ownerTokenHash ?? null,
      token: ownerToken,
    }),
  });
  return withSignature!;
}
