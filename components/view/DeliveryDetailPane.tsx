"use client";

import { apiUrl } from "@/components/common/api-url";
import { useState, type ReactNode } from "react";
import { ConfirmDialog } from "@/components/common/ConfirmDialog";
import { CopyButton } from "@/components/common/CopyButton";
import { RelativeTime } from "@/components/common/RelativeTime";
import { downloadBytes } from "@/components/common/download-bytes";
import { AttemptChip } from "@/components/view/AttemptChip";
import { BodyViewer, type BodyTabId } from "@/components/view/BodyViewer";
import { CurlActions } from "@/components/view/CurlActions";
import { KeyValueTable } from "@/components/view/KeyValueTable";
import { MethodBadge } from "@/components/view/MethodBadge";
import { ReplayPanel } from "@/components/view/ReplayPanel";
import { RetryTimeline } from "@/components/view/RetryTimeline";
import { SentResponseSection } from "@/components/view/SentResponseSection";
import { SignatureBadge } from "@/components/view/SignatureBadge";
import { SignatureSection } from "@/components/view/SignatureSection";
import { StatusCode } from "@/components/view/StatusCode";
import { useDeliveryDetail } from "@/components/view/use-delivery-detail";
import { formatByteSize } from "@/lib/payload/format-byte-size";
import { parseQueryString } from "@/lib/payload/parse-query-string";

interface DeliveryDetailPaneProps {
  binId: string;
  echoUrl: string;
  deliveryId: string | null;
  onBack: () => void;
  /** Selects another delivery (from the retry timeline). */
  onSelect: (deliveryId: string) => void;
  /** Owners may delete; null hides the button. */
  onDelete: ((deliveryId: string) => Promise<void>) | null;
  /** Body tab from the deep link (?tab=), for the delivery it was given with. */
  initialTab: string | null;
}

/** Keeps ?tab= in the address bar in step with the body tab, without a navigation. */
function rememberTab(tab: BodyTabId) {
  const url = new URL(window.location.href);
  url.searchParams.set("tab", tab);
  window.history.replaceState(window.history.state, "", url);
}

export function DeliveryDetailPane({
  binId,
  echoUrl,
  deliveryId,
  onBack,
  onSelect,
  onDelete,
  initialTab,
}: DeliveryDetailPaneProps) {
  const state = useDeliveryDetail({ binId, deliveryId });
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const back = (
    <button
      type="button"
      onClick={onBack}
      className="mb-3 inline-flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-sky-700 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-500 md:hidden dark:text-sky-400 dark:hover:bg-sky-500/10"
    >
      ← All deliveries
    </button>
  );

  if (state.status === "idle") {
    return (
      <div className="flex h-full items-center justify-center p-8 text-sm text-zinc-500">
        Select a delivery to see its headers and body.
      </div>
    );
  }
  if (state.status === "loading") {
    return (
      <div className="p-4 sm:p-6" aria-busy="true">
        {back}
        <div className="flex flex-col gap-3">
          <div className="h-6 w-2/3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
          <div className="h-4 w-1/2 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
          <div className="h-40 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />
        </div>
      </div>
    );
  }
  if (state.status === "error") {
    return (
      <div className="p-4 sm:p-6">
        {back}
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {state.message}
        </p>
        <button
          type="button"
          onClick={state.retry}
          className="mt-3 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Try again
        </button>
      </div>
    );
  }

  const { detail, body } = state.delivery;
  const target = `/echo/${binId}${detail.path}${detail.query === "" ? "" : `?${detail.query}`}`;
  const rawUrl = apiUrl.raw(binId, detail.id);
  const query = parseQueryString({ query: detail.query }).map(
    ({ name, value }) => [name, value] as const,
  );
  const headerText = detail.headers.map(([name, value]) => `${name}: ${value}`).join("\n");
  const timeline = detail.retryTimeline ?? [];

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
    <article
      data-testid="delivery-detail"
      data-delivery-id={detail.id}
      aria-label="Delivery details"
      className="flex flex-col gap-6 p-4 sm:p-6"
    >
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
            href={rawUrl}
            download
            data-testid="download-raw"
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            Download raw
          </a>
          <button
            type="button"
            data-testid="download-json"
            onClick={downloadJson}
            className={ACTION_CLASS}
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
              className="rounded-md border border-rose-300 px-3 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-500 dark:border-rose-500/40 dark:text-rose-300 dark:hover:bg-rose-500/10"
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

      <Section title="Body">
        <BodyViewer
          key={detail.id}
          body={body}
          contentType={detail.contentType}
          rawUrl={rawUrl}
          initialTab={initialTab}
          onTabChange={rememberTab}
        />
      </Section>

      <Section title="Signature">
        <SignatureSection
          key={detail.id}
          signature={detail.signature}
          headers={detail.headers}
          body={body}
          receivedAt={detail.receivedAt}
        />
      </Section>

      {timeline.length > 0 && (
        <Section title={`Deliveries of this analysis (${timeline.length})`}>
          <RetryTimeline entries={timeline} currentId={detail.id} onSelect={onSelect} />
        </Section>
      )}

      <Section title="Our response">
        <SentResponseSection response={detail.response} deliveryId={detail.id} />
      </Section>

      {query.length > 0 && (
        <Section title={`Query parameters (${query.length})`}>
          <KeyValueTable rows={query} testId="query-table" label="Query parameters" />
        </Section>
      )}

      <Section
        title={`Headers (${detail.headers.length})`}
        action={<CopyButton text={headerText} label="Copy headers" />}
      >
        <KeyValueTable rows={detail.headers} testId="headers-table" label="Request headers" />
      </Section>

      <Section title="Replay">
        <ReplayPanel key={detail.id} method={detail.method} headers={detail.headers} body={body} />
      </Section>
    </article>
  );
}

const ACTION_CLASS =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

function Section({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          {title}
        </h3>
        {action}
      </div>
      {children}
    </section>
  );
}
