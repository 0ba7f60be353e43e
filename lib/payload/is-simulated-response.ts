import type { SimulatedResponseInput } from "@/lib/payload/describe-simulated-response";

/** True when a bin answers anything but the default 200 receipt (a set response or fail-first). */
export function isSimulatedResponse({ response, failFirst }: SimulatedResponseInput): boolean {
  return response !== null || (failFirst?.count ?? 0) > 0;
}
