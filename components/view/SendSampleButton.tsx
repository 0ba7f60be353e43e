"use client";

import { useState } from "react";
import { MenuButton } from "@/components/common/MenuButton";
import { menuItemClass } from "@/components/common/menu-item-class";

type SampleKind = "completed" | "failed" | "duplicate";

interface SendSampleButtonProps {
  binId: string;
  /** Called with the stored delivery's id so the view can open it. */
  onSent: (deliveryId: string) => void;
}

/** "Send sample analysis": a realistic CallCov callback through the real capture path. */
export function SendSampleButton({ binId, onSent }: SendSampleButtonProps) {
  const [sending, setSending] = useState<SampleKind | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const send = async (kind: SampleKind) => {
    setSending(kind);
    setMessage(null);
    try {
      const response = await fetch(`/api/bins/${encodeURIComponent(binId)}/samples`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ kind }),
        credentials: "same-origin",
      });
      const result = (await response.json().catch(() => null)) as {
        deliveryId?: unknown;
        status?: unknown;
        message?: unknown;
      } | null;
      if (!response.ok) {
        throw new Error(
          typeof result?.message === "string"
            ? result.message
            : `The server answered ${response.status}.`,
        );
      }
      if (typeof result?.deliveryId === "string") onSent(result.deliveryId);
      setMessage({
        error: false,
        text: `Sent; the echo answered ${typeof result?.status === "number" ? result.status : "?"}`,
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
                <span className="font-medium">Duplicate of the last analysis</span>
                <span className="text-xs text-zinc-500">same body again, like a retry</span>
              </button>
            </>
          )}
        </MenuButton>
      </span>
      {message && (
        <span
          data-testid="send-sample-result"
          role={message.error ? "alert" : "status"}
          className={`text-xs ${message.error ? "text-rose-600 dark:text-rose-400" : "text-zinc-500"}`}
        >
          {message.text}
        </span>
      )}
    </span>
  );
}
