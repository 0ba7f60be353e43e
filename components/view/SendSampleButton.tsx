"use client";

import { apiUrl } from "@/components/common/api-url";
import { useState } from "react";
import { MenuButton } from "@/components/common/MenuButton";
import { MenuItemText } from "@/components/common/MenuItemText";
import { menuItemClass } from "@/components/common/menu-item-class";
import { readErrorMessage } from "@/components/common/read-error-message";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import { describeSimulatedResponse } from "@/lib/payload/describe-simulated-response";
import { isSimulatedResponse } from "@/lib/payload/is-simulated-response";
import { sampleSentSchema, type SampleKind } from "@/lib/samples/send-sample-analysis.types";

interface SendSampleButtonProps {
  binId: string;
  /** Only the owner's samples are signed with the bin's secret. */
  isOwner: boolean;
  /** The bin's simulation: a failing answer to the sample is explained by it. */
  settings: BinSettingsState;
  /** Called with the stored delivery's id so the view can open it. */
  onSent: (deliveryId: string) => void;
}

// Said before and after sending, so a viewer knows why their sample shows no valid signature.
const UNSIGNED_FOR_VIEWERS =
  "Unsigned: only the bin's owner can have samples signed with its webhook secret, so a link to this page cannot be used to forge signed webhooks.";

const MENU_SAMPLES: ReadonlyArray<{ kind: SampleKind; title: string; detail: string }> = [
  { kind: "failed", title: "Failed analysis", detail: "status “failed” with an error message" },
  {
    kind: "duplicate",
    title: "Duplicate of the last sample",
    detail: "the same sample again, like a retry (never a body someone else sent)",
  },
];

/** "Send sample analysis": a realistic CallCov callback through the real capture path. */
export function SendSampleButton({ binId, isOwner, settings, onSent }: SendSampleButtonProps) {
  const [sending, setSending] = useState<SampleKind | null>(null);
  const [message, setMessage] = useState<{
    error: boolean;
    text: string;
    title?: string;
    /** Why the echo answered a failure: the bin's simulation, not a broken sample. */
    hint?: string;
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
      const failed = (result?.status ?? 0) >= 400;
      setMessage({
        error: false,
        hint:
          failed && isSimulatedResponse(settings)
            ? `That is the bin's simulation, not a problem with the sample: ${describeSimulatedResponse(settings)}.${isOwner ? " Change it in Settings." : ""}`
            : undefined,
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
    <span className="relative inline-flex items-center gap-2">
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
              {MENU_SAMPLES.map(({ kind, title, detail }) => (
                <button
                  key={kind}
                  type="button"
                  role="menuitem"
                  data-testid={`send-sample-${kind}`}
                  disabled={sending !== null}
                  onClick={() => {
                    close();
                    void send(kind);
                  }}
                  className={menuItemClass}
                >
                  <MenuItemText title={title} detail={detail} />
                </button>
              ))}
              {!isOwner && (
                <p
                  data-testid="send-sample-unsigned-note"
                  className="max-w-64 px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400"
                >
                  {UNSIGNED_FOR_VIEWERS}
                </p>
              )}
            </>
          )}
        </MenuButton>
      </span>
      {message && (
        // Below the button, over the page: the header bar keeps its one row.
        <span className="absolute top-full right-0 z-20 mt-1 flex w-80 max-w-[90vw] flex-col gap-1 rounded-md border border-zinc-200 bg-white p-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          <span
            data-testid="send-sample-result"
            role={message.error ? "alert" : "status"}
            title={message.title}
            className={
              message.error
                ? "text-rose-700 dark:text-rose-300"
                : "text-zinc-700 dark:text-zinc-300"
            }
          >
            {message.text}
          </span>
          {message.hint && (
            <span data-testid="send-sample-hint" className="text-amber-900 dark:text-amber-200">
              {message.hint}
            </span>
          )}
          <button
            type="button"
            onClick={() => setMessage(null)}
            className="self-end rounded px-1.5 py-0.5 font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Dismiss
          </button>
        </span>
      )}
    </span>
  );
}
