import type { DeliveryFilter } from "@/lib/deliveries/delivery-filter";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { toDeliverySummary } from "@/lib/deliveries/to-delivery-summary";
import { getDb } from "@/lib/db";
import { buildHar } from "@/lib/payload/build-har";

export type ExportFormat = "har" | "jsonl";

const PAGE = 50;
const utf8 = new TextDecoder("utf-8", { fatal: true });

function decode(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

/**
 * Streams a bin's deliveries (optionally filtered) as HAR 1.2 or JSON lines, a page of rows at
 * a time so memory stays bounded whatever the bin holds. Newest first, like the list.
 */
export function exportDeliveries({
  binId,
  format,
  filter,
  origin,
  now = () => new Date(),
}: {
  binId: string;
  format: ExportFormat;
  filter: DeliveryFilter;
  origin: string;
  now?: () => Date;
}): { stream: ReadableStream<Uint8Array>; filename: string; contentType: string } {
  const encoder = new TextEncoder();
  const creator = { name: "Webhook Echo", version: "1" };
  let before: string | undefined;
  let first = true;
  let done = false;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      if (first && format === "har") {
        const head = JSON.stringify(buildHar({ entries: [], creator }), null, 2);
        // Everything up to the empty entries array; entries are streamed into it.
        controller.enqueue(encoder.encode(head.slice(0, head.lastIndexOf("[") + 1) + "\n"));
      }
      const page = await listDeliveries({ binId, limit: PAGE, before, filter });
      const rows = await getDb().delivery.findMany({
        where: { id: { in: page.deliveries.map((d) => d.id) }, binId },
        orderBy: { id: "desc" },
      });
      let chunk = "";
      for (const row of rows) {
        const body = new Uint8Array(row.body);
        const headers = row.headers as Array<[string, string]>;
        if (format === "jsonl") {
          // The same record as the single-delivery API, one per line.
          chunk += `${JSON.stringify({
            ...toDeliverySummary(row),
            headers,
            bodyText: decode(body),
            bodyBase64: Buffer.from(body).toString("base64"),
          })}\n`;
        } else {
          const response = row.response as {
            status?: number;
            headers?: Record<string, string>;
            body?: string | null;
          } | null;
          const [entry] = buildHar({
            creator,
            entries: [
              {
                request: {
                  method: row.method,
                  path: row.path,
                  query: row.query,
                  headers,
                  body,
                  contentType: row.contentType,
                },
                url: `${origin}/echo/${row.binId}${row.path}${row.query ? `?${row.query}` : ""}`,
                receivedAt: row.receivedAt.toISOString(),
                response: response?.status
                  ? {
                      status: response.status,
                      headers: Object.entries(response.headers ?? {}),
                      body: response.body ?? "",
                    }
                  : undefined,
              },
            ],
          }).log.entries;
          chunk += `${first ? "" : ",\n"}${JSON.stringify(entry)}`;
          first = false;
        }
      }
      first = false;
      before = page.nextCursor ?? undefined;
      if (!page.nextCursor) {
        done = true;
        if (format === "har") chunk += "\n]}}\n";
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (done) controller.close();
    },
  });
  return {
    stream,
    filename: `webhook-echo-${binId}-${stamp(now())}.${format}`,
    contentType:
      format === "har" ? "application/json; charset=utf-8" : "application/x-ndjson; charset=utf-8",
  };
}
