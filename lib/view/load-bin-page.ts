import { isBinOwner } from "@/lib/bins/is-bin-owner";
import { listDeliveryPage } from "@/lib/deliveries/list-delivery-page";
import { getDb } from "@/lib/db";
import { buildBinUrls } from "@/lib/http/build-bin-urls";
import { getPublicOrigin } from "@/lib/http/get-public-origin";

export interface BinPageData {
  binId: string;
  /** False for a valid id nobody has sent to yet: the view shows the empty state. */
  exists: boolean;
  hasOwner: boolean;
  isOwner: boolean;
  hasSecret: boolean;
  echoUrl: string;
  viewUrl: string;
  deliveries: Awaited<ReturnType<typeof listDeliveryPage>>["deliveries"];
  nextCursor: string | null;
}

/** Everything the server-rendered view needs; the caller has validated binId. */
export async function loadBinPage({
  binId,
  ownerToken,
  headers,
  pageSize = 50,
}: {
  binId: string;
  ownerToken: string | null;
  headers: Headers;
  pageSize?: number;
}): Promise<BinPageData> {
  const [bin, page] = await Promise.all([
    getDb().bin.findUnique({
      where: { id: binId },
      select: { ownerTokenHash: true, webhookSecretEncrypted: true },
    }),
    listDeliveryPage({ binId, limit: pageSize }),
  ]);
  return {
    binId,
    exists: bin !== null,
    hasOwner: Boolean(bin?.ownerTokenHash),
    isOwner: isBinOwner({ ownerTokenHash: bin?.ownerTokenHash ?? null, token: ownerToken }),
    hasSecret: Boolean(bin?.webhookSecretEncrypted),
    ...buildBinUrls({ origin: getPublicOrigin({ headers }), binId }),
    deliveries: page.deliveries,
    nextCursor: page.nextCursor,
  };
}
