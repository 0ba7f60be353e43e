import type { Delivery } from "@/generated/prisma/client";
import type { DeliveryFilter } from "@/lib/deliveries/delivery-filter";
import { randomUUID } from "node:crypto";
import { acquireSlotOrThrow } from "@/lib/deliveries/acquire-slot-or-throw";
import { getExportSlots } from "@/lib/deliveries/get-export-slots";
import { listDeliveries, type SummaryPage } from "@/lib/deliveries/list-deliveries";
import { readBodySlices } from "@/lib/deliveries/read-body-slices";
import { splitByBytes } from "@/lib/deliveries/split-by-bytes";
import { toDeliverySummary } from "@/lib/deliveries/to-delivery-summary";
import { yieldToEventLoop } from "@/lib/deliveries/yield-to-event-loop";
import { getReadDb } from "@/lib/db";
import { chooseReadSource } from "@/lib/deliveries/choose-read-source";
import { getEnv } from "@/lib/env";
import { buildHar } from "@/lib/payload/build-har";
import { createUtf8Decoder } from "@/lib/text/create-utf8-decoder";
import type { HarCreator } from "@/lib/payload/har";
import { splitHarEntry } from "@/lib/payload/split-har-entry";

export type ExportFormat = "har" | "jsonl";

// Summaries (no bodies) per listing query; bodies are then read in pages bounded by bytes.
const LIST_PAGE = 100;
const MAX_ROWS_PER_READ = 50;
// After a body this large, let other requests in.
const YIELD_AFTER_BYTES = 256 * 1024;
const RETRY_AFTER_SECONDS = 5;
const creator: HarCreator = { name: "Webhook Echo", version: "1" };

type Meta = Omit<Delivery, "body">;

function isUtf8(slices: Uint8Array[]): boolean {
  const check = createUtf8Decoder();
  try {
    for (const slice of slices) check.decode(slice, { stream: true });
    check.decode();
    return true;
  } catch {
    return false;
  }
}

/** Base64 of a slice, without copying its bytes first. */
function toBase64(slice: Uint8Array): string {
  return Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength).toString("base64");
}

/** The body's text, JSON-escaped, a slice at a time (streaming decode never splits a character). */
function* textPieces(slices: Uint8Array[]): Generator<string> {
  const decode = createUtf8Decoder();
  for (const slice of slices)
    yield JSON.stringify(decode.decode(slice, { stream: true })).slice(1, -1);
  yield JSON.stringify(decode.decode()).slice(1, -1);
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
 * status rather than a broken download. Everything is read from a replica when there are any
 * (an export is a snapshot a moment old anyway), except lists filtered by verdicts.
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
  const release = acquireSlotOrThrow({
    slots: getExportSlots(),
    clientIp,
    what: "exports",
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
  let stopped = false;
  const stop = () => {
    stopped = true;
    release();
  };
  signal?.addEventListener("abort", stop, { once: true });
  if (signal?.aborted) stop();

  const pageBytes = getEnv().EXPORT_PAGE_BYTES;
  // Rows, their metadata and their bodies all from one server: a row listed by the primary
  // might not be on a replica yet.
  const readFrom = chooseReadSource({ filter, readFrom: "replica" });
  const encoder = new TextEncoder();
  const reads: Array<Array<{ id: string; bytes: number }>> = [];
  let before: string | undefined;
  let listed = false;
  let first = true;

  const listNext = async (): Promise<void> => {
    const page: SummaryPage = await listDeliveries({
      binId,
      limit: LIST_PAGE,
      before,
      filter,
      readFrom,
    });
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

  // Everything but the body: that is read in slices and written piece by piece.
  const readMeta = (ids: string[]) =>
    getReadDb({ readFrom }).delivery.findMany({
      where: { id: { in: ids }, binId },
      orderBy: { id: "desc" },
      omit: { body: true },
    });

  async function* rowChunks(row: Meta, slices: Uint8Array[]): AsyncGenerator<string> {
    const headers = row.headers as Array<[string, string]>;
    if (format === "jsonl") {
      // The same record as the single-delivery API, one per line.
      const text = isUtf8(slices);
      const textMarker = `text-${randomUUID()}`;
      const base64Marker = `base64-${randomUUID()}`;
      const json = JSON.stringify({
        ...toDeliverySummary(row),
        headers,
        bodyText: text ? textMarker : null,
        bodyBase64: base64Marker,
      });
      // Split at the markers, keeping the quotes around them: head"<pieces>"tail.
      const base64At = json.indexOf(`"${base64Marker}"`);
      let head = json.slice(0, base64At + 1);
      if (text) {
        const textAt = head.indexOf(`"${textMarker}"`);
        yield head.slice(0, textAt + 1);
        yield* textPieces(slices);
        head = head.slice(textAt + 1 + textMarker.length);
      }
      yield head;
      for (const slice of slices) yield toBase64(slice);
      yield `${json.slice(base64At + 1 + base64Marker.length)}\n`;
      return;
    }
    const response = row.response as {
      status?: number;
      headers?: Record<string, string>;
      body?: string | null;
    } | null;
    const bodyAs = isUtf8(slices) ? "text" : "base64";
    const { head, tail } = splitHarEntry({
      creator,
      bodySize: row.bodySize,
      bodyAs,
      input: {
        request: {
          method: row.method,
          path: row.path,
          query: row.query,
          headers,
          body: new Uint8Array(),
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
    });
    yield `${first ? "" : ",\n"}${head}`;
    first = false;
    if (row.bodySize > 0) {
      if (bodyAs === "text") yield* textPieces(slices);
      else for (const slice of slices) yield toBase64(slice);
    }
    yield tail;
  }

  async function* chunks(): AsyncGenerator<string> {
    if (format === "har") {
      const head = JSON.stringify(buildHar({ entries: [], creator }), null, 2);
      // Everything up to the empty entries array; entries are streamed into it.
      yield head.slice(0, head.lastIndexOf("[") + 1) + "\n";
    }
    for (;;) {
      if (reads.length === 0 && !listed) await listNext();
      const page = reads.shift();
      if (!page) break;
      await yieldToEventLoop();
      const ids = page.map((item) => item.id);
      const [metas, slices] = await Promise.all([
        readMeta(ids),
        readBodySlices({ binId, ids, readFrom }),
      ]);
      for (const meta of metas) {
        const body = slices.get(meta.id);
        if (!body) continue;
        slices.delete(meta.id);
        yield* rowChunks(meta, body);
        if (meta.bodySize >= YIELD_AFTER_BYTES) await yieldToEventLoop();
      }
    }
    if (format === "har") yield "\n]}}\n";
  }

  const source = chunks();
  const stream = new ReadableStream<Uint8Array>(
    {
      // One piece (at most a body slice, encoded) per pull: the client's pace sets ours.
      async pull(controller) {
        try {
          const next = stopped ? { done: true as const, value: undefined } : await source.next();
          if (stopped) return;
          if (next.done) {
            controller.close();
            stop();
          } else {
            controller.enqueue(encoder.encode(next.value));
          }
        } catch (error) {
          stop();
          controller.error(error);
        }
      },
      async cancel() {
        stop();
        await source.return(undefined);
      },
    },
    // Pull only when the consumer waits for data: nothing is read ahead of the client.
    { highWaterMark: 0 },
  );
  return {
    stream,
    filename: `webhook-echo-${binId}-${stamp(now())}.${format}`,
    contentType:
      format === "har" ? "application/json; charset=utf-8" : "application/x-ndjson; charset=utf-8",
  };
}
