import { cookies, headers } from "next/headers";
import { BinQueryProvider } from "@/components/view/BinQueryProvider";
import { BinView } from "@/components/view/BinView";
import { ownerCookieName } from "@/lib/http/owner-cookie-name";
import { getCliTarballPath } from "@/lib/cli-download/get-cli-tarball-path";
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
  const cliTarballPath = await getCliTarballPath();
  const data = await loadBinPage({
    binId,
    ownerToken: cookieStore.get(ownerCookieName(binId))?.value ?? null,
    headers: new Headers(headerList),
    selectedId,
  });
  return (
    <BinQueryProvider
      // A new bin id (client navigation between bins) starts from a fresh cache and state.
      key={binId}
      binId={data.binId}
      initialPage={{ deliveries: data.deliveries, nextCursor: data.nextCursor }}
      initialDetail={data.selected}
    >
      <BinView
        binId={data.binId}
        links={{ echoUrl: data.echoUrl, viewUrl: data.viewUrl, cliTarballPath }}
        initialNewestId={data.deliveries[0]?.id ?? null}
        initialSelectedId={selectedId}
        initialTab={tab}
        hasOwner={data.hasOwner}
        isOwner={data.isOwner}
        bin={data.bin}
      />
    </BinQueryProvider>
  );
}
