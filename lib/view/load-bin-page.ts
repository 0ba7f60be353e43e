import type { PublicBin } from "@/lib/bins/public-bin";
import { getBinOrThrow } from "@/lib/bins/get-bin-or-throw";
import { isBinOwner } from "@/lib/bins/is-bin-owner";
import { listDeliveryPage } from "@/lib/deliveries/list-delivery-page";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
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
  /** Settings, limits and counters as the bin API shows them; null until the bin exists. */
  bin: PublicBin | null;
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
  const [owner, view, page] = await Promise.all([
    getDb().bin.findUnique({ where: { id: binId }, select: { ownerTokenHash: true } }),
    getBinOrThrow({ binId }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") return null;
      throw error;
    }),
    listDeliveryPage({ binId, limit: pageSize }),
  ]);
  return {
    binId,
    exists: view !== null,
    hasOwner: view?.hasOwner ?? false,
    isOwner: isBinOwner({ ownerTokenHash: owner?.ownerTokenHash ?? null, token: ownerToken }),
    hasSecret: view?.hasSecret ?? false,
    bin: view,
    ...buildBinUrls({ origin: getPublicOrigin({ headers }), binId }),
    deliveries: page.deliveries,
    nextCursor: page.nextCursor,
  };
}
