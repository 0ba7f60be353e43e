import type { ListedDelivery } from "@/components/view/listed-delivery";

function isOptionalSignature(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.status === "string" && typeof record.reason === "string";
}

/** Shape check for summaries arriving over the wire (SSE, paging). */
export function isDeliverySummary(value: unknown): value is ListedDelivery {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.id === "string" &&
    typeof record.method === "string" &&
    typeof record.path === "string" &&
    typeof record.query === "string" &&
    typeof record.size === "number" &&
    typeof record.receivedAt === "string" &&
    isOptionalSignature(record.signature) &&
    (record.attempt === undefined || typeof record.attempt === "number")
  );
}
