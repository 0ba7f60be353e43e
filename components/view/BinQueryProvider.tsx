"use client";

import { QueryClient, QueryClientProvider, type InfiniteData } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { binQueryKey } from "@/components/view/bin-query-key";
import type { DeliveryDetail } from "@/lib/deliveries/get-delivery-detail.types";
import { decodeBase64 } from "@/lib/signatures/decode-base64";
import type { CachedDeliveryPage } from "@/components/view/fetch-delivery-page";
import type { LoadedDelivery } from "@/components/view/fetch-delivery-detail";
import type { LiveLog } from "@/components/view/live-log";

interface BinQueryProviderProps {
  binId: string;
  /** The unfiltered first page the server rendered. */
  initialPage: CachedDeliveryPage;
  /** A deep link's delivery, rendered by the server so the link shows it in the first HTML. */
  initialDetail?: DeliveryDetail | null;
  children: ReactNode;
}

/**
 * The view's server-state cache. It starts with what the server rendered, so the first paint
 * needs no request; after that the live stream and explicit invalidations keep it current,
 * which is why nothing goes stale by age or refetches on focus.
 */
export function BinQueryProvider({
  binId,
  initialPage,
  initialDetail = null,
  children,
}: BinQueryProviderProps) {
  const [client] = useState(() => {
    const queryClient = new QueryClient({
      defaultOptions: {
        queries: {
          staleTime: Infinity,
          refetchOnWindowFocus: false,
          refetchOnReconnect: false,
          // Errors show at once with a "Try again"; the live stream has its own backoff.
          retry: false,
        },
      },
    });
    // The live log has no observer: keep it for the whole visit.
    queryClient.setQueryDefaults(["live"], { gcTime: Infinity });
    const newestId = initialPage.deliveries[0]?.id ?? null;
    queryClient.setQueryData<LiveLog>(binQueryKey.live(binId), { newestId, recent: [] });
    queryClient.setQueryData<InfiniteData<CachedDeliveryPage, string | null>>(
      binQueryKey.list(binId, ""),
      { pages: [{ ...initialPage, liveMark: newestId }], pageParams: [null] },
    );
    if (initialDetail) {
      queryClient.setQueryData<LoadedDelivery>(binQueryKey.detail(binId, initialDetail.id), {
        detail: initialDetail,
        body: decodeBase64(initialDetail.bodyBase64) ?? new Uint8Array(),
      });
    }
    return queryClient;
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
