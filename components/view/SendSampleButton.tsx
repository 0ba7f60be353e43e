"use client";

import { apiUrl } from "@/components/common/api-url";
import { useState } from "react";
import { MenuButton } from "@/components/common/MenuButton";
import { menuItemClass } from "@/components/common/menu-item-class";
import { readErrorMessage } from "@/components/common/read-error-message";
import { sampleSentSchema, type SampleKind } from "@/lib/samples/send-sample-analysis.types";

interface SendSampleButtonProps {
  binId: string;
  /** Only the owner's samples are signed with the bin's secret. */
  isOwner: boolean;
  /** Called with the stored delivery's id so the view can open it. */
  onSent: (deliveryId: string) => void;
}

// Said before and after sending, so a viewer knows why their sample shows no valid signature.
const UNSIGNED_FOR_VIEWERS =
  "Unsigned: only the bin's owner can have samples signed with its webhook secret, so a link to this page cannot be used to forge signed webhooks.";

/** "Send sample analysis": a realistic CallCov callback through the real capture path. */
export function SendSampleButton({ binId, isOwner, onSent }: SendSampleButtonProps) {
  const [sending, setSending] = useState<SampleKind | null>(null);
  const [message, setMessage] = useState<{
    error: boolean;
    text: string;
    title?: string;
  } | null>(null);

  const send = async (kind: SampleKind) => {
    setSending(kind);
    setMessage(null);
    try {
      const response = await fetch(apiUrl.samples(binId), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ kind }),
        // A viewer sends no owner cookie (a stale one would be refused): their sample is unsigned.
        credentials: isOwner ? "same-origin" : "omit",
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        throw new Error(readErrorMessage(body) ?? `The server answered ${response.status}.`);
      }
      const parsed = sampleSentSchema.safeParse(body);
      const result = parsed.success ? parsed.data : null;
      if (result?.deliveryId) onSent(result.deliveryId);
      const answered = `Sent; the echo answered ${result?.status ?? "?"}`;
      setMessage({
        error: false,
        text:
          result?.unsignedReason === "not-owner"
            ? `${answered}. Sent unsigned: only the owner's samples are signed.`
            : answered,
        title: result?.unsignedReason === "not-owner" ? UNSIGNED_FOR_VIEWERS : undefined,
      });
    } catch (error) {
      setMessage({
        error: true,
        text: error instanceof Error ? error.message : "Could not send the sample.",
      });
    } finally {
      setSending(null);
    }
  };

  return (
    <span className="inline-flex items-center gap-2">
      <span className="inline-flex">
        <button
          type="button"
          data-testid="send-sample"
          onClick={() => send("completed")}
          disabled={sending !== null}
          title={isOwner ? undefined : UNSIGNED_FOR_VIEWERS}
          className="inline-flex items-center rounded-l-md border border-zinc-300 px-2 py-1 text-xs font-medium whitespace-nowrap text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
        >
          {sending === "completed" ? "Sending…" : "Send sample analysis"}
        </button>
        <MenuButton
          label="▾"
          ariaLabel="More samples"
          testId="send-sample-menu"
          align="right"
          joined="left"
        >
          {(close) => (
            <>
              <button
                type="button"
                role="menuitem"
                data-testid="send-sample-failed"
                disabled={sending !== null}
                onClick={() => {
                  close();
                  void send("failed");
                }}
                className={menuItemClass}
              >
                <span className="font-medium">Failed analysis</span>
                <span className="text-xs text-zinc-500">status “failed” with an error message</span>
              </button>
              <button
                type="button"
                role="menuitem"
                data-testid="send-sample-duplicate"
                disabled={sending !== null}
                onClick={() => {
                  close();
                  void send("duplicate");
                }}
                className={menuItemClass}
              >
                <span className="font-medium">Duplicate of the last sample</span>
                <span className="text-xs text-zinc-500">
                  the same sample again, like a retry (never a body someone else sent)
                </span>
              </button>
              {!isOwner && (
                <p
                  data-testid="send-sample-unsigned-note"
                  className="max-w-64 px-3 py-2 text-xs text-zinc-500"
                >
                  {UNSIGNED_FOR_VIEWERS}
                </p>
              )}
            </>
          )}
        </MenuButton>
      </span>
      {message && (
        <span
          data-testid="send-sample-result"
          role={message.error ? "alert" : "status"}
          title={message.title}
          className={`text-xs ${message.error ? "text-rose-600 dark:text-rose-400" : "text-zinc-500"}`}
        >
          {message.text}
        </span>
      )}
    </span>
  );
}
