import { cookies, headers } from "next/headers";
import { BinView } from "@/components/view/BinView";
import { ownerCookieName } from "@/lib/http/owner-cookie-name";
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
  const data = await loadBinPage({
    binId,
    ownerToken: cookieStore.get(ownerCookieName(binId))?.value ?? null,
    headers: new Headers(headerList),
  });
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
      bin={data.bin}
    />
  );
}
