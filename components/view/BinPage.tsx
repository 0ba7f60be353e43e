import { cookies, headers } from "next/headers";
import { BinView } from "@/components/view/BinView";
import { getBinOrThrow } from "@/lib/bins/get-bin-or-throw";
import { ownerCookieName } from "@/lib/bins/owner-cookie-name";
import { AppError } from "@/lib/errors";
import { loadBinPage } from "@/lib/view/load-bin-page";

interface BinPageProps {
  binId: string;
  selectedId: string | null;
  /** ?tab= of a delivery deep link. */
  tab?: string | null;
}

/** Server part of /view/<id>[/<deliveryId>]: the first page of deliveries, then the live client. */
export async function BinPage({ binId, selectedId, tab = null }: BinPageProps) {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const [data, bin] = await Promise.all([
    loadBinPage({
      binId,
      ownerToken: cookieStore.get(ownerCookieName(binId))?.value ?? null,
      headers: new Headers(headerList),
    }),
    // Settings, limits and counters; a bin nobody has sent to yet has none.
    getBinOrThrow({ binId }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") return null;
      throw error;
    }),
  ]);
  return (
    <BinView
      // A new bin id (client navigation between bins) starts from fresh state.
      key={binId}
      binId={data.binId}
      echoUrl={data.echoUrl}
      viewUrl={data.viewUrl}
      initialDeliveries={data.deliveries}
      initialCursor={data.nextCursor}
      initialSelectedId={selectedId}
      initialTab={tab}
      hasOwner={data.hasOwner}
      isOwner={data.isOwner}
      hasSecret={data.hasSecret}
      bin={bin}
    />
  );
}
