import { readDeliveryFilter, type DeliveryFilter } from "@/lib/deliveries/delivery-filter";
import {
  waitForDeliveryControlSchema,
  waitForDeliveryQuerySchema,
} from "@/lib/deliveries/wait-for-delivery.types";
import { AppError } from "@/lib/errors";

export interface WaitQuery {
  after: string;
  timeoutMs: number;
  filter: DeliveryFilter;
}

const KNOWN = new Set(Object.keys(waitForDeliveryQuerySchema.shape));

/**
 * The wait's parameters: its own, plus exactly the list's filters (parsed by the list's own
 * reader). An unknown parameter is refused: a misspelt filter would otherwise wait for any
 * delivery and pass a CI check it should fail.
 */
export function readWaitQuery({ searchParams }: { searchParams: URLSearchParams }): WaitQuery {
  const unknown = [...new Set(searchParams.keys())].filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) {
    throw new AppError(
      "BAD_REQUEST",
      `Unknown parameter ${unknown.map((key) => `"${key}"`).join(", ")} (known: ${[...KNOWN].join(", ")})`,
    );
  }
  const control = waitForDeliveryControlSchema.parse({
    after: searchParams.get("after") ?? undefined,
    timeout: searchParams.get("timeout") ?? undefined,
  });
  return {
    after: control.after,
    timeoutMs: Math.round(control.timeout * 1000),
    filter: readDeliveryFilter(searchParams),
  };
}
