import type { DeliverySummary } from "@/lib/deliveries/delivery-summary";

/** Shape check for summaries arriving over the wire (SSE, paging). */
export function isDeliverySummary(value: unknown): value is DeliverySummary {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === "string" &&
    typeof record.method === "string" &&
    typeof record.path === "string" &&
    typeof record.query === "string" &&
    typeof record.size === "number" &&
    typeof record.receivedAt === "string"
  );
}
