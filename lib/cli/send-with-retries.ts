import { RETRY_SCHEDULE_SECONDS } from "@/lib/analysis/retry-schedule";
import { describeError } from "@/lib/cli/describe-error";
import {
  sendRawRequest,
  type RawRequest,
  type RawResponse,
  type SendRawRequestOptions,
} from "@/lib/cli/send-raw-request";
import { sleepAbortable, type SleepOptions } from "@/lib/client/sleep-abortable";

export interface SendAttempt {
  /** 1-based; attempt n + 1 is retry n. */
  attempt: number;
  /** The documented delay before this retry, in seconds (null for the first attempt). */
  scheduleSeconds: number | null;
  /** That delay times the time scale, in ms: what we meant to wait. */
  scheduledWaitMs: number | null;
  /** What we really waited, in ms. */
  waitedMs: number | null;
  /** The answer's status, or null when there was none (refused, timed out). */
  status: number | null;
  statusText: string;
  error: string | null;
  durationMs: number;
  responseBody: Buffer;
}

export interface SendResult {
  attempts: SendAttempt[];
  delivered: boolean;
}

export interface SendWithRetriesOptions {
  request: RawRequest;
  /** Follow CallCov's retry schedule on failure; else one attempt. */
  retries: boolean;
  /** Multiplies the schedule's delays and the 30 s timeout (0.001: a minute becomes 60 ms). */
  timeScale: number;
  onAttempt?: (attempt: SendAttempt) => void;
  onWait?: (wait: { retry: number; scheduleSeconds: number; waitMs: number }) => void;
  signal?: AbortSignal;
  now?: () => number;
  sleep?: (options: SleepOptions) => Promise<void>;
  send?: (options: SendRawRequestOptions) => Promise<RawResponse>;
}

// CallCov: "Respond within 30 seconds".
const SENDER_TIMEOUT_MS = 30_000;
// A scaled timeout of a few ms would fail healthy local receivers; never go below this.
const MIN_TIMEOUT_MS = 1000;

/** Sends like the CallCov sender: one attempt, then (with retries) up to 5 more on schedule. */
export async function sendWithRetries({
  request,
  retries,
  timeScale,
  onAttempt,
  onWait,
  signal,
  now = () => performance.now(),
  sleep = sleepAbortable,
  send = sendRawRequest,
}: SendWithRetriesOptions): Promise<SendResult> {
  const timeoutMs = Math.max(SENDER_TIMEOUT_MS * timeScale, MIN_TIMEOUT_MS);
  const attempts: SendAttempt[] = [];
  const maxAttempts = retries ? RETRY_SCHEDULE_SECONDS.length + 1 : 1;
  for (let index = 0; index < maxAttempts && !signal?.aborted; index++) {
    const scheduleSeconds = index === 0 ? null : (RETRY_SCHEDULE_SECONDS[index - 1] ?? null);
    let scheduledWaitMs: number | null = null;
    let waitedMs: number | null = null;
    if (scheduleSeconds !== null) {
      scheduledWaitMs = scheduleSeconds * 1000 * timeScale;
      onWait?.({ retry: index, scheduleSeconds, waitMs: scheduledWaitMs });
      const before = now();
      await sleep({ ms: scheduledWaitMs, signal });
      waitedMs = now() - before;
      if (signal?.aborted) break;
    }
    const started = now();
    let attempt: SendAttempt;
    try {
      const response = await send({ request, timeoutMs, signal });
      attempt = {
        attempt: index + 1,
        scheduleSeconds,
        scheduledWaitMs,
        waitedMs,
        status: response.status,
        statusText: response.statusText,
        error: null,
        durationMs: now() - started,
        responseBody: response.body,
      };
    } catch (error) {
      attempt = {
        attempt: index + 1,
        scheduleSeconds,
        scheduledWaitMs,
        waitedMs,
        status: null,
        statusText: "",
        error: describeError({ error }),
        durationMs: now() - started,
        responseBody: Buffer.alloc(0),
      };
    }
    attempts.push(attempt);
    onAttempt?.(attempt);
    if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300) {
      return { attempts, delivered: true };
    }
  }
  return { attempts, delivered: false };
}
