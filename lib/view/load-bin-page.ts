import type { PublicBin } from "@/lib/bins/public-bin";
import { getBinOrThrow } from "@/lib/bins/get-bin-or-throw";
import { isBinOwner } from "@/lib/bins/is-bin-owner";
import { getDeliveryDetail } from "@/lib/deliveries/get-delivery-detail";
import type { DeliveryDetail } from "@/lib/deliveries/get-delivery-detail.types";
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
  echoUrl: string;
  viewUrl: string;
  deliveries: Awaited<ReturnType<typeof listDeliveryPage>>["deliveries"];
  nextCursor: string | null;
  /** Settings, limits and counters as the bin API shows them; null until the bin exists. */
  bin: PublicBin | null;
  /**
   * The deep-linked delivery as the detail API answers this caller, so a shared link shows it
   * in the first HTML; null without a link, for an unknown id, or a body over
   * INLINE_DETAIL_MAX_BYTES (fetched by the browser instead, to keep the page small).
   */
  selected: DeliveryDetail | null;
}

// The detail carries the body twice (base64 and text) and the HTML carries it again.
const INLINE_DETAIL_MAX_BYTES = 256 * 1024;

function nullIfNotFound(error: unknown): null {
  if (error instanceof AppError && error.code === "NOT_FOUND") return null;
  throw error;
}

/** Everything the server-rendered view needs; the caller has validated binId. */
export async function loadBinPage({
  binId,
  ownerToken,
  headers,
  selectedId = null,
  pageSize = 50,
}: {
  binId: string;
  ownerToken: string | null;
  headers: Headers;
  /** A deep link's delivery id (validated by the caller). */
  selectedId?: string | null;
  pageSize?: number;
}): Promise<BinPageData> {
  const [owner, view, page, selected] = await Promise.all([
    getDb().bin.findUnique({ where: { id: binId }, select: { ownerTokenHash: true } }),
    getBinOrThrow({ binId }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") return null;
      throw error;
    }),
    listDeliveryPage({ binId, limit: pageSize }),
    selectedId === null
      ? null
      : getDb()
          .delivery.findFirst({ where: { id: selectedId, binId }, select: { bodySize: true } })
          .then((row) =>
            row === null || row.bodySize > INLINE_DETAIL_MAX_BYTES
              ? null
              : getDeliveryDetail({ binId, deliveryId: selectedId, ownerToken }),
          )
          .catch(nullIfNotFound),
  ]);
  return {
    binId,
    exists: view !== null,
    hasOwner: view?.hasOwner ?? false,
    isOwner: isBinOwner({ ownerTokenHash: owner?.ownerTokenHash ?? null, token: ownerToken }),
    bin: view,
    ...buildBinUrls({ origin: getPublicOrigin({ headers }), binId }),
    deliveries: page.deliveries,
    nextCursor: page.nextCursor,
    selected,
  };
}
