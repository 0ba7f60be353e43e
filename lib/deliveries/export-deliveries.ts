import type { Delivery } from "@/generated/prisma/client";
import type { DeliveryFilter } from "@/lib/deliveries/delivery-filter";
import { getExportSlots } from "@/lib/deliveries/get-export-slots";
import { listDeliveries, type DeliveryPage } from "@/lib/deliveries/list-deliveries";
import { splitByBytes } from "@/lib/deliveries/split-by-bytes";
import { toDeliverySummary } from "@/lib/deliveries/to-delivery-summary";
import { yieldToEventLoop } from "@/lib/deliveries/yield-to-event-loop";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { buildHar } from "@/lib/payload/build-har";
import type { HarCreator } from "@/lib/payload/har";

export type ExportFormat = "har" | "jsonl";

// Summaries (no bodies) per listing query; bodies are then read in pages bounded by bytes.
const LIST_PAGE = 100;
const MAX_ROWS_PER_READ = 50;
// Encoding a body this large takes a few ms: let other requests in after it.
const YIELD_AFTER_BYTES = 256 * 1024;
const RETRY_AFTER_SECONDS = 5;
const utf8 = new TextDecoder("utf-8", { fatal: true });
const creator: HarCreator = { name: "Webhook Echo", version: "1" };

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
 * Streams a bin's deliveries (optionally filtered) as HAR 1.2 or JSON lines, newest first.
 * Heavy reads must not take the server with them, so:
 * - the next page is read only when the client has consumed the previous one (pull with a
 *   zero high-water mark; Next writes each chunk and waits for the socket to drain);
 * - a page holds at most EXPORT_PAGE_BYTES of bodies (one larger body is a page of its own),
 *   and the event loop gets a turn between pages and after each large row;
 * - exports running at once are limited per client address and per instance (429), and a
 *   client that goes away cancels the reads and gives its slot back.
 * The first page is read before answering, so a bad filter or a search timeout is a clear error
 * status rather than a broken download.
 */
export async function exportDeliveries({
  binId,
  format,
  filter,
  origin,
  clientIp,
  signal,
  now = () => new Date(),
}: {
  binId: string;
  format: ExportFormat;
  filter: DeliveryFilter;
  origin: string;
  clientIp: string;
  /** Aborted when the client disconnects (also before the body stream is ever read). */
  signal?: AbortSignal;
  now?: () => Date;
}): Promise<{ stream: ReadableStream<Uint8Array>; filename: string; contentType: string }> {
  const release = getExportSlots().tryAcquire(clientIp);
  if (!release) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many exports running from your address or on this server; retry in ${RETRY_AFTER_SECONDS} s`,
      { retryAfterSeconds: RETRY_AFTER_SECONDS },
    );
  }
  let stopped = false;
  const stop = () => {
    stopped = true;
    release();
  };
  signal?.addEventListener("abort", stop, { once: true });
  if (signal?.aborted) stop();

  const pageBytes = getEnv().EXPORT_PAGE_BYTES;
  const encoder = new TextEncoder();
  const reads: Array<Array<{ id: string; bytes: number }>> = [];
  let before: string | undefined;
  let listed = false;
  let first = true;
  let rows: Delivery[] = [];

  const listNext = async (): Promise<void> => {
    const page: DeliveryPage = await listDeliveries({ binId, limit: LIST_PAGE, before, filter });
    reads.push(
      ...splitByBytes({
        items: page.deliveries.map((d) => ({ id: d.id, bytes: d.size })),
        maxBytes: pageBytes,
        maxItems: MAX_ROWS_PER_READ,
      }),
    );
    before = page.nextCursor ?? undefined;
    listed = !page.nextCursor;
  };

  try {
    await listNext();
  } catch (error) {
    stop();
    throw error;
  }

  const encodeRow = (row: Delivery): string => {
    const body = new Uint8Array(row.body);
    const headers = row.headers as Array<[string, string]>;
    if (format === "jsonl") {
      // The same record as the single-delivery API, one per line.
      return `${JSON.stringify({
        ...toDeliverySummary(row),
        headers,
        bodyText: decode(body),
        bodyBase64: Buffer.from(body).toString("base64"),
      })}\n`;
    }
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
    const text = `${first ? "" : ",\n"}${JSON.stringify(entry)}`;
    first = false;
    return text;
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (format === "har") {
          const head = JSON.stringify(buildHar({ entries: [], creator }), null, 2);
          // Everything up to the empty entries array; entries are streamed into it.
          controller.enqueue(encoder.encode(head.slice(0, head.lastIndexOf("[") + 1) + "\n"));
        }
      },
      // One row per pull: only the current page's bodies and one encoded row are in memory.
      async pull(controller) {
        try {
          if (rows.length === 0) {
            if (reads.length === 0 && !listed) await listNext();
            const ids = reads.shift();
            if (ids) {
              await yieldToEventLoop();
              rows = await getDb().delivery.findMany({
                where: { id: { in: ids.map((item) => item.id) }, binId },
                orderBy: { id: "desc" },
              });
            }
          }
          if (stopped) return;
          const row = rows.shift();
          if (row) {
            controller.enqueue(encoder.encode(encodeRow(row)));
            if (row.bodySize >= YIELD_AFTER_BYTES) await yieldToEventLoop();
          } else if (reads.length === 0 && listed) {
            if (format === "har") controller.enqueue(encoder.encode("\n]}}\n"));
            controller.close();
            stop();
          }
        } catch (error) {
          stop();
          controller.error(error);
        }
      },
      cancel() {
        stop();
      },
    },
    // Pull only when the consumer waits for data: at most one page is read ahead.
    { highWaterMark: 0 },
  );
  return {
    stream,
    filename: `webhook-echo-${binId}-${stamp(now())}.${format}`,
    contentType:
      format === "har" ? "application/json; charset=utf-8" : "application/x-ndjson; charset=utf-8",
  };
}
