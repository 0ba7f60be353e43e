"use client";

import Link from "next/link";
import { CopyButton } from "@/components/common/CopyButton";
import { BinSummary } from "@/components/view/BinSummary";
import { ClaimBinButton } from "@/components/view/ClaimBinButton";
import { LiveStatus } from "@/components/view/LiveStatus";
import { OverviewButton } from "@/components/view/OverviewButton";
import { SendSampleButton } from "@/components/view/SendSampleButton";
import type { BinSettingsState } from "@/lib/bins/update-bin-settings.types";
import type { LiveStatus as LiveStatusValue } from "@/components/view/use-live-deliveries";
import type { PublicBin } from "@/lib/bins/public-bin";

interface BinHeaderProps {
  binId: string;
  echoUrl: string;
  /** The view link to copy (with the selected delivery). */
  shareUrl: string;
  status: LiveStatusValue;
  hasOwner: boolean;
  isOwner: boolean;
  /** The empty state shows the echo URL large itself. */
  showEchoUrl: boolean;
  settings: BinSettingsState;
  bin: PublicBin | null;
  onOpenSettings: () => void;
  onSampleSent: (deliveryId: string) => void;
}

/** The view's top bar: bin id, live state, echo URL, settings summary and owner actions. */
export function BinHeader({
  binId,
  echoUrl,
  shareUrl,
  status,
  hasOwner,
  isOwner,
  showEchoUrl,
  settings,
  bin,
  onOpenSettings,
  onSampleSent,
}: BinHeaderProps) {
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
      <Link
        href="/"
        className="text-sm font-bold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
      >
        Webhook <span className="text-sky-600 dark:text-sky-400">Echo</span>
      </Link>
      <h1 className="order-last flex w-full min-w-0 items-baseline gap-1.5 text-sm sm:order-none sm:w-auto sm:flex-1">
        <span className="text-zinc-500">Bin</span>
        <code className="truncate font-semibold">{binId}</code>
        {isOwner && (
          <span
            data-testid="owner-badge"
            className="ml-1 rounded bg-sky-100 px-1.5 py-px text-[11px] font-semibold text-sky-800 dark:bg-sky-500/15 dark:text-sky-300"
          >
            yours
          </span>
        )}
      </h1>
      <div className="ml-auto flex items-center gap-2">
        <LiveStatus status={status} />
        <CopyButton text={shareUrl} label="Copy view link" testId="copy-view-link" />
      </div>
      <div className="order-last flex w-full min-w-0 flex-wrap items-center gap-x-4 gap-y-1.5">
        {showEchoUrl && (
          <div className="flex min-w-[16rem] flex-1 items-center gap-2 text-xs text-zinc-500">
            <span className="shrink-0">Echo URL</span>
            <code className="min-w-0 truncate text-zinc-800 select-all dark:text-zinc-200">
              {echoUrl}
            </code>
            <CopyButton text={echoUrl} ariaLabel="Copy echo URL" />
          </div>
        )}
        <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-1.5">
          <BinSummary settings={settings} bin={bin} />
          <OverviewButton binId={binId} />
          {isOwner ? (
            <button
              type="button"
              data-testid="open-settings"
              onClick={onOpenSettings}
              className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
            >
              Settings
            </button>
          ) : (
            !hasOwner && <ClaimBinButton binId={binId} />
          )}
          <SendSampleButton binId={binId} isOwner={isOwner} onSent={onSampleSent} />
        </div>
      </div>
    </header>
  );
}
