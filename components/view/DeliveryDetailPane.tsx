"use client";

import type { ReactNode } from "react";
import { CopyButton } from "@/components/common/CopyButton";
import { RelativeTime } from "@/components/common/RelativeTime";
import { BodyViewer } from "@/components/view/BodyViewer";
import { CurlActions } from "@/components/view/CurlActions";
import { KeyValueTable } from "@/components/view/KeyValueTable";
import { MethodBadge } from "@/components/view/MethodBadge";
import { useDeliveryDetail } from "@/components/view/use-delivery-detail";
import { formatByteSize } from "@/lib/payload/format-byte-size";
import { parseQueryString } from "@/lib/payload/parse-query-string";

interface DeliveryDetailPaneProps {
  binId: string;
  echoUrl: string;
  deliveryId: string | null;
  onBack: () => void;
}

export function DeliveryDetailPane({
  binId,
  echoUrl,
  deliveryId,
  onBack,
}: DeliveryDetailPaneProps) {
  const state = useDeliveryDetail(binId, deliveryId);

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
  const rawUrl = `/api/bins/${encodeURIComponent(binId)}/deliveries/${encodeURIComponent(detail.id)}/raw`;
  const query = parseQueryString({ query: detail.query }).map(
    ({ name, value }) => [name, value] as const,
  );
  const headerText = detail.headers.map(([name, value]) => `${name}: ${value}`).join("\n");

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
        </div>
      </div>

      <Section title="Body">
        <BodyViewer key={detail.id} body={body} contentType={detail.contentType} rawUrl={rawUrl} />
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
    </article>
  );
}

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
