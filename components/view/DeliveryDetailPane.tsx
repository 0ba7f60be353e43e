"use client";

import { buttonClass } from "@/components/common/button-class";
import { apiUrl } from "@/components/common/api-url";
import { CopyButton } from "@/components/common/CopyButton";
import type { BodyTabId } from "@/components/view/BodyTabs";
import { BodyViewer } from "@/components/view/BodyViewer";
import { DeliveryComparePanel } from "@/components/view/DeliveryComparePanel";
import { ConformanceSection } from "@/components/view/ConformanceSection";
import { JsonRevealProvider } from "@/components/view/JsonRevealProvider";
import { DeliveryOverview } from "@/components/view/DeliveryOverview";
import { DetailSection } from "@/components/view/DetailSection";
import { KeyValueTable } from "@/components/view/KeyValueTable";
import { ReplayPanel } from "@/components/view/ReplayPanel";
import { RetryTimeline } from "@/components/view/RetryTimeline";
import { SentResponseSection } from "@/components/view/SentResponseSection";
import { SignatureSection } from "@/components/view/SignatureSection";
import { useDeliveryDetail } from "@/components/view/use-delivery-detail";
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
  /** The owner may re-sign replays with the bin's secret. */
  isOwner?: boolean;
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
  isOwner = false,
}: DeliveryDetailPaneProps) {
  const state = useDeliveryDetail({ binId, deliveryId });

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
      <div className="flex h-full items-center justify-center p-8 text-sm text-zinc-500 dark:text-zinc-400">
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
        <button type="button" onClick={state.retry} className={`mt-3 ${buttonClass()}`}>
          Try again
        </button>
      </div>
    );
  }

  const { detail, body } = state.delivery;
  const query = parseQueryString({ query: detail.query }).map(
    ({ name, value }) => [name, value] as const,
  );
  const headerText = detail.headers.map(([name, value]) => `${name}: ${value}`).join("\n");
  const timeline = detail.retryTimeline ?? [];

  const article = (
    <article
      data-testid="delivery-detail"
      data-delivery-id={detail.id}
      aria-label="Delivery details"
      className="flex flex-col gap-6 p-4 sm:p-6"
    >
      <DeliveryOverview
        delivery={state.delivery}
        binId={binId}
        echoUrl={echoUrl}
        back={back}
        onDelete={onDelete}
      />

      <DeliveryComparePanel key={detail.id} binId={binId} deliveryId={detail.id} />

      {/* Top-down as a developer debugs: what came (headers, query), whether it is authentic,
          what it says, what we answered, its other attempts, and sending it again. */}
      <DetailSection
        title={`Headers (${detail.headers.length})`}
        action={<CopyButton text={headerText} label="Copy headers" />}
      >
        <KeyValueTable rows={detail.headers} testId="headers-table" label="Request headers" />
      </DetailSection>

      {query.length > 0 && (
        <DetailSection title={`Query parameters (${query.length})`}>
          <KeyValueTable rows={query} testId="query-table" label="Query parameters" />
        </DetailSection>
      )}

      <DetailSection title="Signature">
        <SignatureSection
          key={detail.id}
          signature={detail.signature}
          headers={detail.headers}
          body={body}
          receivedAt={detail.receivedAt}
        />
      </DetailSection>

      <ConformanceSection conformance={detail.conformance ?? null} />

      <DetailSection title="Body">
        <BodyViewer
          key={detail.id}
          body={body}
          contentType={detail.contentType}
          rawUrl={apiUrl.raw(binId, detail.id)}
          initialTab={initialTab}
          onTabChange={rememberTab}
        />
      </DetailSection>

      <DetailSection title="Our response">
        <SentResponseSection response={detail.response} deliveryId={detail.id} />
      </DetailSection>

      {timeline.length > 0 && (
        <DetailSection title={`Deliveries of this analysis (${timeline.length})`}>
          <RetryTimeline entries={timeline} currentId={detail.id} onSelect={onSelect} />
        </DetailSection>
      )}

      <DetailSection title="Replay">
        <ReplayPanel
          key={detail.id}
          binId={binId}
          deliveryId={detail.id}
          method={detail.method}
          headers={detail.headers}
          body={body}
          isOwner={isOwner}
          scheme={detail.signature?.scheme ?? null}
        />
      </DetailSection>
    </article>
  );
  // Conformance errors open the body's JSON tree at their place (one request state per delivery).
  return <JsonRevealProvider key={detail.id}>{article}</JsonRevealProvider>;
}
