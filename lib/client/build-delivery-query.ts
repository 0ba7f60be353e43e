import type { DeliveryFilterOptions } from "@/lib/client/client-types";
import { deliveryFilterSchema } from "@/lib/deliveries/delivery-filter";

// The list's filter names (a filter the server's list gains is known here unchanged); other
// options (a timeout, a signal, a caller's own fields) never become query parameters.
const FILTER_NAMES = new Set(Object.keys(deliveryFilterSchema.shape));

/**
 * Query parameters for the list and the wait: the list's filters by name; `match` values go out
 * as `json=` filters in JSON
 * (`"3"` stays the string "3", 3 the number).
 */
export function buildDeliveryQuery({
  filter,
}: {
  filter: DeliveryFilterOptions & Record<string, unknown>;
}): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (!FILTER_NAMES.has(name) || name === "json") continue;
    if (value === undefined || value === null || value === "") continue;
    query.set(name, String(value));
  }
  const match = filter.match;
  if (Array.isArray(match)) {
    for (const text of match) query.append("json", text);
  } else if (match) {
    for (const [path, value] of Object.entries(match)) {
      query.append("json", `${path}=${JSON.stringify(value)}`);
    }
  }
  return query;
}
