import { buildForwardRequest, type ForwardableDelivery } from "@/lib/cli/build-forward-request";
import { CliError } from "@/lib/cli/cli-error";
import type { CliIo } from "@/lib/cli/cli-io";
import { createSseParser } from "@/lib/cli/create-sse-parser";
import { describeError } from "@/lib/cli/describe-error";
import { sendRawRequest } from "@/lib/cli/send-raw-request";
import { postLocalAnswer } from "@/lib/cli/post-local-answer";
import { describeFailedResponse } from "@/lib/cli/describe-failed-response";
import { sleepAbortable, type SleepOptions } from "@/lib/client/sleep-abortable";
import { uuidLowerBound } from "@/lib/ids/uuid-lower-bound";

export interface ForwardDeliveriesOptions {
  serverUrl: string;
  binId: string;
  /** --to: where deliveries are re-sent. */
  target: URL;
  appendSubpath: boolean;
  /** First re-send the newest N existing deliveries, oldest first. */
  replayLast: number;
  io: CliIo;
  /** Aborting (Ctrl-C) stops the stream and any forward in flight; the promise then resolves. */
  signal: AbortSignal;
  now?: () => Date;
  sleep?: (options: SleepOptions) => Promise<void>;
  fetch?: typeof fetch;
  /** Silence after which a stream counts as dead (the server sends a heartbeat every 20 s). */
  idleTimeoutMs?: number;
  /** How long the local target may take to answer one forward. */
  forwardTimeoutMs?: number;
  maxBackoffMs?: number;
  /** --token: the owner token, sent with every request. */
  token?: string;
  /** --respond (needs the owner token): the local app's answers go back to held senders. */
  respond?: boolean;
}

export interface ForwardSummary {
  /** Forwards the target answered (any status). */
  forwarded: number;
  /** Forwards that got no answer (connection refused, timeout). */
  failed: number;
}

// Existing deliveries marked as seen at start: the server replays a few seconds before the
// Last-Event-ID, and those must not count as new.
const BASELINE_SIZE = 50;
const MAX_SEEN = 10_000;
const DEFAULT_RETRY_MS = 1000;

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/**
 * `webhook-echo forward`: follows a bin's live events and re-sends every new delivery to a
 * local URL, in order, exactly once. The stream reconnects by itself with Last-Event-ID; ids
 * already seen (the server replays a short window after a reconnect) are never sent twice.
 */
export async function forwardDeliveries({
  serverUrl,
  binId,
  target,
  appendSubpath,
  replayLast,
  io,
  signal,
  now = () => new Date(),
  sleep = sleepAbortable,
  fetch: fetchImpl = fetch,
  idleTimeoutMs = 45_000,
  forwardTimeoutMs = 30_000,
  maxBackoffMs = 30_000,
  token,
  respond = false,
}: ForwardDeliveriesOptions): Promise<ForwardSummary> {
  const summary: ForwardSummary = { forwarded: 0, failed: 0 };
  const api = `${serverUrl}/api/bins/${encodeURIComponent(binId)}`;
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const json = { Accept: "application/json", ...auth };

  const getJson = async (url: string, what: string): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: json, signal });
    } catch (error) {
      throw new CliError(`cannot reach ${serverUrl}: ${describeError({ error })}`, 3);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new CliError(`bin "${binId}" does not exist on ${serverUrl}`, 3);
    }
    if (!response.ok) {
      throw new CliError(
        `${what}: ${serverUrl} answered ${response.status}: ${await describeFailedResponse(response)}`,
        3,
      );
    }
    try {
      return await response.json();
    } catch {
      throw new CliError(`${what}: ${serverUrl} answered ${response.status} with no JSON`, 3);
    }
  };

  const bin = (await getJson(api, "checking the bin")) as { createdAt?: unknown };
  const seen = new Set<string>();
  let lastEventId: string | null = null;
  const remember = (id: string) => {
    seen.add(id);
    if (seen.size > MAX_SEEN) seen.delete(seen.values().next().value as string);
    // UUIDv7 ids sort by time: the newest seen is where a reconnect resumes.
    if (lastEventId === null || id > lastEventId) lastEventId = id;
  };
  const baseline = (await getJson(
    `${api}/deliveries?limit=${Math.min(200, Math.max(BASELINE_SIZE, replayLast))}`,
    "listing deliveries",
  )) as { deliveries: Array<{ id: string }> };
  for (const delivery of baseline.deliveries) remember(delivery.id);
  // An empty bin still gets a resume point: whatever arrives between this list and the stream
  // subscription is then replayed (by the server's clock, not ours), never missed.
  const createdAt = typeof bin.createdAt === "string" ? Date.parse(bin.createdAt) : NaN;
  if (lastEventId === null && Number.isFinite(createdAt)) lastEventId = uuidLowerBound(createdAt);

  const backoff = (failures: number, baseMs: number) =>
    Math.min(baseMs * 2 ** failures, maxBackoffMs);

  const fetchDelivery = async (id: string): Promise<ForwardableDelivery | null> => {
    for (let failures = 0; !signal.aborted; failures++) {
      let reason: string;
      try {
        const response = await fetchImpl(`${api}/deliveries/${id}`, { headers: json, signal });
        if (response.ok) return (await response.json()) as ForwardableDelivery;
        if (response.status === 404) {
          await response.body?.cancel();
          io.err(`delivery ${id} was deleted before it could be forwarded; skipped`);
          return null;
        }
        reason = `HTTP ${response.status}: ${await describeFailedResponse(response)}`;
      } catch (error) {
        if (signal.aborted) return null;
        reason = describeError({ error });
      }
      // Never skip a delivery because the server blinked: retry until it answers.
      const delay = backoff(failures, DEFAULT_RETRY_MS);
      io.err(`could not fetch delivery ${id} (${reason}); retrying in ${formatDelay(delay)}`);
      await sleep({ ms: delay, signal });
    }
    return null;
  };

  const forwardOne = async (id: string) => {
    const delivery = await fetchDelivery(id);
    if (!delivery || signal.aborted) return;
    const request = buildForwardRequest({
      delivery,
      target,
      appendSubpath,
      // forward's --no-subpath leaves out the subpath only (its help): the query always goes.
      appendQuery: true,
    });
    const started = now();
    const line = `${started.toISOString()} ${request.method} ${request.path}`;
    // Held by the server for our answer: post back what the local app said (or that it failed).
    const answerBack = (answer: Parameters<typeof postLocalAnswer>[0]["answer"]) =>
      respond && delivery.response?.reason === "forward_pending"
        ? postLocalAnswer({ api, deliveryId: id, answer, headers: json, fetch: fetchImpl, signal })
        : Promise.resolve(
            respond && delivery.response
              ? `; sender got ${delivery.response.status} (${delivery.response.reason})`
              : "",
          );
    try {
      const response = await sendRawRequest({ request, timeoutMs: forwardTimeoutMs, signal });
      summary.forwarded++;
      const ms = now().getTime() - started.getTime();
      const sent = await answerBack({ response });
      io.out(`${line} -> ${response.status} (${ms} ms)${sent}`);
    } catch (error) {
      if (signal.aborted) return;
      summary.failed++;
      const sent = await answerBack({ error: describeError({ error }) });
      io.out(`${line} -> error: ${describeError({ error })}${sent}`);
    }
  };

  // One at a time, in arrival order: a receiver sees deliveries in the order they were captured.
  let queue = Promise.resolve();
  const enqueue = (id: string) => {
    queue = queue.then(() => forwardOne(id));
  };

  const replay = baseline.deliveries.slice(0, replayLast).reverse();
  if (replayLast > 0) io.err(`replaying the last ${replay.length} deliveries`);
  for (const delivery of replay) enqueue(delivery.id);

  let retryMs = DEFAULT_RETRY_MS;
  let failures = 0;
  let connections = 0;

  // Why a stream ended, and how long the server asked us to wait before the next one.
  interface StreamEnd {
    reason: string;
    retryAfterMs?: number;
  }

  const streamOnce = async (): Promise<StreamEnd> => {
    const controller = new AbortController();
    const abort = () => controller.abort();
    signal.addEventListener("abort", abort, { once: true });
    let idle: ReturnType<typeof setTimeout> | undefined;
    let idleFired = false;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        idleFired = true;
        controller.abort();
      }, idleTimeoutMs);
    };
    const parser = createSseParser({
      onRetry: (ms) => {
        retryMs = Math.max(100, ms);
      },
      onEvent: (event) => {
        if (event.event === "ready") {
          failures = 0;
          connections++;
          io.err(
            connections === 1
              ? `connected: forwarding deliveries of bin ${binId} to ${target.href} (Ctrl-C to stop)`
              : `reconnected${lastEventId ? ` (resuming after ${lastEventId})` : ""}`,
          );
        } else if (event.event === "delivery") {
          // The summary's own id; the SSE id persists across events, so it is only a fallback.
          let id = event.lastEventId;
          try {
            const parsed = (JSON.parse(event.data) as { id?: unknown }).id;
            if (typeof parsed === "string" && parsed) id = parsed;
          } catch {
            // keep the event id
          }
          if (id && !seen.has(id)) {
            remember(id);
            enqueue(id);
          }
        } else if (event.event === "error") {
          io.err(`server reported: ${event.data}`);
        }
      },
    });
    try {
      arm();
      const response = await fetchImpl(`${api}/events${respond ? "?respond=1" : ""}`, {
        headers: {
          ...auth,
          Accept: "text/event-stream",
          ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}),
        },
        signal: controller.signal,
      });
      if (response.status === 400 || response.status === 404) {
        throw new CliError(`live events refused: ${await describeFailedResponse(response)}`, 3);
      }
      if (response.status === 401 || response.status === 403) {
        throw new CliError(
          `--respond refused (owner token needed): ${await describeFailedResponse(response)}`,
          3,
        );
      }
      if (response.status === 429 || response.status === 503) {
        // Refused for now (too many open live streams, or the database is away): wait at
        // least as long as the server asks, and say why.
        const seconds = Number(response.headers.get("retry-after"));
        const message = await describeFailedResponse(response);
        return {
          reason:
            response.status === 429
              ? `live stream refused, too many open: ${message}`
              : `live stream unavailable: ${message}`,
          retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined,
        };
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        return { reason: `HTTP ${response.status}` };
      }
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arm();
        parser.push(value);
      }
      parser.end();
      return { reason: "the server closed the stream" };
    } catch (error) {
      if (idleFired) return { reason: `nothing received for ${formatDelay(idleTimeoutMs)}` };
      throw error;
    } finally {
      clearTimeout(idle);
      signal.removeEventListener("abort", abort);
    }
  };

  while (!signal.aborted) {
    let end: StreamEnd;
    try {
      end = await streamOnce();
    } catch (error) {
      if (error instanceof CliError) throw error;
      end = { reason: describeError({ error }) };
    }
    if (signal.aborted) break;
    const delay = Math.max(backoff(failures, retryMs), end.retryAfterMs ?? 0);
    failures++;
    io.err(
      end.retryAfterMs === undefined
        ? `stream lost (${end.reason}); reconnecting in ${formatDelay(delay)}`
        : `${end.reason}; retrying in ${formatDelay(delay)}`,
    );
    await sleep({ ms: delay, signal });
  }
  await queue;
  return summary;
}
