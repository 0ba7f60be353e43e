import { KeyValueTable } from "@/components/view/KeyValueTable";
import type { SentResponse } from "@/components/view/delivery-detail";
import { StatusCode } from "@/components/view/StatusCode";
import { buildDefaultAnswer } from "@/lib/payload/build-default-answer";
import { plannedResponseSchema } from "@/lib/payload/planned-response-schema";

const REASONS: Record<SentResponse["reason"], string> = {
  default: "the default answer",
  settings: "the bin’s simulated response",
  "status-path": "the status in the /status/<code> path",
  "fail-first": "fail-first retry testing",
  gone: "the bin’s gone switch (like an unsubscribed endpoint)",
  chaos: "chaos testing (a random failure)",
  rule: "response rule",
  forward_pending: "the bin’s answer; waiting for the local app (forward --respond)",
  forwarded: "the local app, via webhook-echo forward --respond",
  forward_timeout: "the bin’s answer: the local app did not answer in time",
  forward_failed: "the bin’s answer: forwarding to the local app failed",
  forward_busy: "the bin’s answer: too many captures were waiting for the local app",
  forward_disconnected: "the bin’s answer: the forwarder disconnected",
};

function isSentResponse(value: unknown): value is SentResponse {
  return plannedResponseSchema.safeParse(value).success;
}

/** What our echo endpoint answered this delivery with, and why. */
export function SentResponseSection({
  response,
  deliveryId,
}: {
  response: unknown;
  deliveryId: string;
}) {
  if (!isSentResponse(response)) {
    return (
      <p data-testid="sent-response" className="text-sm text-zinc-500 dark:text-zinc-400">
        Not recorded for this delivery.
      </p>
    );
  }
  const headers = Object.entries(response.headers ?? {});
  const fallback =
    response.body === null ? buildDefaultAnswer({ plan: response, deliveryId }) : null;
  const body = fallback?.body ?? response.body ?? "";
  const contentType = fallback?.contentType ?? response.contentType ?? "text/plain; charset=utf-8";
  return (
    <div
      data-testid="sent-response"
      data-status={response.status}
      data-reason={response.reason}
      className="flex flex-col gap-2"
    >
      <p className="flex flex-wrap items-baseline gap-x-2 text-[13px]">
        <span className="text-base">
          <StatusCode status={response.status} testId="sent-response-status" />
        </span>
        <span className="text-zinc-600 dark:text-zinc-400">
          from {REASONS[response.reason] ?? response.reason}
          {response.reason === "fail-first" && response.attempt
            ? ` (attempt ${response.attempt})`
            : ""}
          {response.reason === "rule" && response.rule ? ` ${response.rule}` : ""}
          {response.delayMs > 0 ? `, after a ${response.delayMs} ms delay` : ""}
          {response.forwardMessage ? ` (${response.forwardMessage})` : ""}
        </span>
      </p>
      <div className="text-xs text-zinc-500 dark:text-zinc-400">
        Content-Type <code className="text-zinc-700 dark:text-zinc-300">{contentType}</code>
      </div>
      {body === "" ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400 italic">Empty body.</p>
      ) : (
        <pre
          data-testid="sent-response-body"
          className="max-h-48 overflow-auto rounded-lg bg-zinc-50 p-3 text-xs whitespace-pre-wrap wrap-anywhere dark:bg-zinc-900"
        >
          {body}
        </pre>
      )}
      {headers.length > 0 && (
        <KeyValueTable rows={headers} testId="sent-response-headers" label="Response headers" />
      )}
    </div>
  );
}
