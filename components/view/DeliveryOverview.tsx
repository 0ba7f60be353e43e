"use client";

import { apiUrl } from "@/components/common/api-url";
import { buttonClass } from "@/components/common/button-class";
import { useState, type ReactNode } from "react";
import { ConfirmDialog } from "@/components/common/ConfirmDialog";
import { RelativeTime } from "@/components/common/RelativeTime";
import { downloadBytes } from "@/components/common/download-bytes";
import { AttemptChip } from "@/components/view/AttemptChip";
import { CurlActions } from "@/components/view/CurlActions";
import type { LoadedDelivery } from "@/components/view/fetch-delivery-detail";
import { MethodBadge } from "@/components/view/MethodBadge";
import { SignatureBadge } from "@/components/view/SignatureBadge";
import { StatusCode } from "@/components/view/StatusCode";
import { formatByteSize } from "@/lib/payload/format-byte-size";

interface DeliveryOverviewProps {
  delivery: LoadedDelivery;
  binId: string;
  echoUrl: string;
  /** The "back to the list" button of narrow screens. */
  back: ReactNode;
  /** Owners may delete; null hides the button. */
  onDelete: ((deliveryId: string) => Promise<void>) | null;
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

/** Top of the detail pane: what was sent where, when, its verdict, and the actions on it. */
export function DeliveryOverview({
  delivery: { detail, body },
  binId,
  echoUrl,
  back,
  onDelete,
}: DeliveryOverviewProps) {
  // Where it was sent: the path and query after the echo URL, as the sender wrote them.
  const target = `/echo/${binId}${detail.path}${detail.query === "" ? "" : `?${detail.query}`}`;
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const downloadJson = () => {
    const json = JSON.stringify(detail, null, 2);
    downloadBytes({
      bytes: new TextEncoder().encode(json),
      filename: `webhook-echo-delivery-${detail.id}.json`,
    });
  };

  const confirmDelete = async () => {
    if (!onDelete) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await onDelete(detail.id);
      setConfirming(false);
    } catch (error) {
      setDeleteError(error instanceof Error ? error.message : "Could not delete the delivery.");
    } finally {
      setDeleting(false);
    }
  };

  return (
    <div>
      {back}
      <h2 className="flex items-start gap-2 font-mono text-sm break-all sm:text-base">
        <MethodBadge method={detail.method} />
        <span>{target}</span>
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <SignatureBadge signature={detail.signature} testId="detail-signature-badge" />
        {detail.analysisId !== null && (
          <AttemptChip attempt={detail.attempt} isDuplicate={detail.isDuplicate} showFirst />
        )}
      </div>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-[13px]">
        <Meta label="Received">
          {new Date(detail.receivedAt).toLocaleString()} (
          <RelativeTime iso={detail.receivedAt} />)
        </Meta>
        <Meta label="From">{detail.remoteAddress ?? "unknown"}</Meta>
        <Meta label="Size">
          {formatByteSize({ bytes: detail.size })}
          {detail.size >= 1024 && ` (${detail.size.toLocaleString()} bytes)`}
        </Meta>
        <Meta label="Content type">{detail.contentType ?? "none"}</Meta>
        <Meta label="SHA-256">
          <code className="text-xs break-all select-all">{detail.sha256}</code>
        </Meta>
        <Meta label="We answered">
          {detail.responseStatus === null ? (
            "not recorded"
          ) : (
            <StatusCode status={detail.responseStatus} testId="detail-response-status" />
          )}
        </Meta>
      </dl>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <CurlActions detail={detail} body={body} echoUrl={echoUrl} />
        <a
          href={apiUrl.raw(binId, detail.id)}
          download
          data-testid="download-raw"
          className={buttonClass()}
        >
          Download raw
        </a>
        <button
          type="button"
          data-testid="download-json"
          onClick={downloadJson}
          className={buttonClass()}
        >
          Download JSON
        </button>
        {onDelete && (
          <button
            type="button"
            data-testid="delete-delivery"
            onClick={() => {
              setDeleteError(null);
              setConfirming(true);
            }}
            className={buttonClass({ variant: "danger-outline" })}
          >
            Delete
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Delete this delivery?"
        confirmLabel="Delete delivery"
        busy={deleting}
        error={deleteError}
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      >
        It is removed for everyone viewing this bin. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
