import type { SimulatedResponseInput } from "@/lib/payload/describe-simulated-response";

/**
 * True when a bin answers anything but the default 200 receipt (a set response, fail-first,
 * response rules, chaos or gone).
 */
export function isSimulatedResponse({
  response,
  failFirst,
  rules = [],
  chaos = null,
  gone = false,
}: SimulatedResponseInput): boolean {
  return (
    response !== null ||
    (failFirst?.count ?? 0) > 0 ||
    rules.length > 0 ||
    (chaos?.failureRate ?? 0) > 0 ||
    gone
  );
}
