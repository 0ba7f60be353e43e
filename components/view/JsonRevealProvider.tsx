"use client";

import { useMemo, useState, type ReactNode } from "react";
import { JsonRevealContext, type JsonRevealRequest } from "@/components/view/json-reveal-context";

/** Holds the last "show this place in the body" request of one delivery's detail. */
export function JsonRevealProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<JsonRevealRequest | null>(null);
  const value = useMemo(
    () => ({
      request,
      reveal: (pointer: string) =>
        setRequest((current) => ({ pointer, nonce: (current?.nonce ?? 0) + 1 })),
    }),
    [request],
  );
  return <JsonRevealContext value={value}>{children}</JsonRevealContext>;
}
