"use client";

import { buttonClass } from "@/components/common/button-class";
import Link from "next/link";
import { CopyButton } from "@/components/common/CopyButton";
import { BinSummary } from "@/components/view/BinSummary";
import { ClaimBinButton } from "@/components/view/ClaimBinButton";
import { CliPopover } from "@/components/view/CliPopover";
import type { BinLinks } from "@/components/view/bin-links";
import { LiveStatus } from "@/components/view/LiveStatus";
import { OverviewButton } from "@/components/view/OverviewButton";
import { SendSampleButton } from "@/components/view/SendSampleButton";
import { SimulationChip } from "@/components/view/SimulationChip";
import { pickBinSettings } from "@/components/view/pick-bin-settings";
import type { LiveStatus as LiveStatusValue } from "@/components/view/use-live-deliveries";
import type { PublicBin } from "@/lib/bins/public-bin";
import { ForwardRespondingChip } from "@/components/view/ForwardRespondingChip";

interface BinHeaderProps {
  binId: string;
  links: BinLinks;
  /** Counters and settings (the simulation chip's, the sample button's); null before any read. */
  bin: PublicBin | null;
  /** The view link to copy (with the selected delivery and the filter). */
  shareUrl: string;
  status: LiveStatusValue;
  hasOwner: boolean;
  isOwner: boolean;
  onOpenSettings: () => void;
  onSampleSent: (deliveryId: string) => void;
}

/**
 * The view's top: one bar (bin, simulation chip, live state, docs, actions) over the echo URL,
 * shown whole in a large monospace line that wraps instead of being cut: it is what people copy.
 */
export function BinHeader({
  binId,
  links,
  bin,
  shareUrl,
  status,
  hasOwner,
  isOwner,
  onOpenSettings,
  onSampleSent,
}: BinHeaderProps) {
  const settings = pickBinSettings({ bin });
  return (
    <header
      data-testid="bin-header"
      className="shrink-0 border-b border-zinc-200 dark:border-zinc-800"
    >
      <div
        data-testid="bin-header-bar"
        className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2 lg:flex-nowrap"
      >
        <Link
          href="/"
          className="shrink-0 text-sm font-bold tracking-tight whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        >
          Webhook <span className="text-sky-700 dark:text-sky-400">Echo</span>
        </Link>
        <h1 className="flex min-w-0 items-baseline gap-1.5 text-sm">
          <span className="text-zinc-600 dark:text-zinc-400">Bin</span>
          <code className="truncate font-semibold" title={binId}>
            {binId}
          </code>
          {isOwner && (
            <span
              data-testid="owner-badge"
              className="ml-1 rounded bg-sky-100 px-1.5 py-px text-[11px] font-semibold text-sky-800 dark:bg-sky-500/15 dark:text-sky-300"
            >
              yours
            </span>
          )}
        </h1>
        <SimulationChip settings={settings} />
        <ForwardRespondingChip bin={bin} />
        <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-2 lg:shrink-0">
          <LiveStatus status={status} />
          <Link
            href="/docs"
            data-testid="docs-link"
            className="rounded-md px-1.5 py-1 text-xs font-medium whitespace-nowrap text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-300"
          >
            API docs
          </Link>
          <OverviewButton binId={binId} />
          <CopyButton text={shareUrl} label="Copy view link" testId="copy-view-link" />
          <CliPopover links={links} />
          {isOwner ? (
            <button
              type="button"
              data-testid="open-settings"
              onClick={onOpenSettings}
              className={buttonClass({ size: "sm" })}
            >
              Settings
            </button>
          ) : (
            !hasOwner && <ClaimBinButton binId={binId} />
          )}
          <SendSampleButton
            binId={binId}
            isOwner={isOwner}
            settings={settings}
            onSent={onSampleSent}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 pb-2.5">
        <div className="flex w-full min-w-0 items-center gap-2 sm:w-auto sm:flex-1">
          <span className="shrink-0 text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Echo URL
          </span>
          <code
            data-testid="echo-url"
            className="min-w-0 font-mono text-sm font-semibold break-all text-zinc-900 select-all sm:text-base lg:text-lg dark:text-zinc-50"
          >
            {links.echoUrl}
          </code>
          <CopyButton text={links.echoUrl} ariaLabel="Copy echo URL" testId="copy-echo-url" />
        </div>
        <BinSummary bin={bin} />
      </div>
    </header>
  );
}
