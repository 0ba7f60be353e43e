import type { DeliveryFilterOptions } from "@/lib/client/client-types";

/**
 * Query parameters for the list and the wait. Every filter but `match` is passed on by name, so
 * a filter the server's list gains works here unchanged; `match` values go out as JSON
 * (`"3"` stays the string "3", 3 the number).
 */
export function buildDeliveryQuery({
  filter,
}: {
  filter: DeliveryFilterOptions & Record<string, unknown>;
}): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (name === "match" || value === undefined || value === null || value === "") continue;
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
